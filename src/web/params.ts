/** Parsing of route parameters and query strings shared by handlers. */
import { z } from 'zod';

/** A positive integer id from a route parameter, or undefined. */
export function parseId(value: unknown): number | undefined {
  const r = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(value);
  return r.success ? r.data : undefined;
}
