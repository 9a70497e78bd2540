/** Parsing of route parameters and query strings shared by handlers. */
import type { Response } from 'express';
import { z } from 'zod';
import type { ImportOptions } from '../corpus/sources.js';
import type { WebDeps } from './request.js';

export { blank } from '../form-fields.js';

/** A positive integer id from a route parameter, or undefined. */
export function parseId(value: unknown): number | undefined {
  const r = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(value);
  return r.success ? r.data : undefined;
}

/** What an import form or request may say about the kind of what it imports. */
export const importKind = z.enum(['article', 'primary-source'], { error: 'kind: give "article" or "primary-source"' });

/**
 * How this app imports: its job runner and the per-request article limit;
 * with kind "primary-source", every article imported is marked one, as the user.
 */
export function importOptions(
  { config, runner, db }: Pick<WebDeps, 'config' | 'runner' | 'db'>,
  res: Response,
  kind?: z.infer<typeof importKind>,
): ImportOptions {
  return {
    runner,
    db,
    maxBytes: config.maxUploadBytes,
    maxArticles: config.maxArticles,
    marks: {
      primarySource: kind === 'primary-source',
      userId: (res.locals.user as { id: number } | null | undefined)?.id ?? null,
    },
  };
}

/** A character range START-END (end exclusive) inside a text of this length, or undefined. */
export function parseMark(value: unknown, length: number): { start: number; end: number } | undefined {
  const m = typeof value === 'string' ? /^(\d{1,9})-(\d{1,9})$/.exec(value) : null;
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : undefined;
}
