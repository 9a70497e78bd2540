/**
 * web: what every handler is given and asks of a request — the app's
 * dependencies (passed in by the route list, never read back from the app),
 * its cookies and session token, whether it came to the JSON API, and where it
 * may be sent back to. Handlers share helpers through this module, never by
 * importing each other.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.js';
import type { Db } from '../db.js';
import type { JobRunner } from '../workers/pool.js';
import type { LoginLimiter } from './login-limiter.js';
import { whenWritable } from '../corpus/write-turns.js';

/** What handlers need from outside the request: createApp builds it once. */
export interface WebDeps {
  db: Db;
  config: Config;
  /** where imports do their CPU work */
  runner: JobRunner;
  loginLimiter: LoginLimiter;
}

/** A route handler: the app's dependencies first, then Express's request, response and next. */
export type Handler = (deps: WebDeps, req: Request, res: Response, next: NextFunction) => unknown;

const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Express handlers for Handlers, each given these dependencies (the route
 * list's one wiring point). A request that may write waits while a long
 * import's transaction is open on the connection (src/corpus/write-turns.ts):
 * its write would join that transaction and be undone if the import failed.
 */
export function withDeps(deps: WebDeps): (handler: Handler) => RequestHandler {
  return (handler) => (req, res, next) => {
    const wait = readOnly.has(req.method) ? undefined : whenWritable(deps.db);
    if (!wait) return handler(deps, req, res, next) as void | Promise<void>;
    return wait.then(() => handler(deps, req, res, next)) as Promise<void>;
  };
}

/** The name of the session cookie. */
export const sessionCookie = 'retold_session';

/** The request's cookies, by name (a malformed one is left out). */
export function readCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // ignore a malformed cookie
    }
  }
  return out;
}

/** The session token of the request's cookie, if any. */
export function sessionToken(req: Request): string | undefined {
  return readCookies(req)[sessionCookie];
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
