/**
 * web: what every handler asks of a request — the app's database, whether the
 * request came to the JSON API, and where it may be sent back to.
 */
import type { Request, Response } from 'express';
import type { Db } from '../db.js';

/** The app's database, as createApp set it. */
export function dbOf(res: Response): Db {
  return res.app.locals.db as Db;
}

/** Whether the request came to the JSON API (its path starts with /api/). */
export function isApiRequest(req: Request): boolean {
  return req.originalUrl.startsWith('/api/');
}

/**
 * Whether a value is a path on this site that is safe to redirect to: it
 * starts with one `/`, and holds no backslash — browsers read `//host` and
 * `/\host` as another host, so both would be an open redirect.
 */
export function isLocalPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\');
}

/** The value when it is a safe local path (isLocalPath), else the fallback. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  return isLocalPath(value) ? value : fallback;
}
