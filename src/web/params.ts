/** Parsing of route parameters and query strings shared by handlers. */
import type { Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { ImportOptions } from '../corpus/sources.js';
import type { JobRunner } from '../workers/pool.js';

/** A positive integer id from a route parameter, or undefined. */
export function parseId(value: unknown): number | undefined {
  const r = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(value);
  return r.success ? r.data : undefined;
}

/** How this app imports: its job runner and the per-request article limit. */
export function importOptions(res: Response): ImportOptions {
  const config = res.app.locals.config as Config;
  return { runner: res.app.locals.runner as JobRunner, maxBytes: config.maxUploadBytes, maxArticles: config.maxArticles };
}
