/**
 * Sessions, roles and CSRF for the web pages and the API.
 * - The session cookie is HttpOnly and SameSite=Lax; its token is stored hashed.
 * - Every state-changing request must carry the CSRF token: the session's when
 *   logged in, else the one in the anonymous `retold_csrf` cookie (login form).
 *   Forms send it as `_csrf`, scripts as the `X-CSRF-Token` header.
 * - Roles: viewer reads, reviewer also writes, admin also manages.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import { generateToken } from '../auth/password.js';
import { logIn, logOut, sessionUser } from '../corpus/users.js';
import type { Role, UserRow } from '../store/users.js';
import { isApiRequest, readCookies, safeRedirectPath, sessionCookie, type Handler } from './request.js';

export const csrfCookie = 'retold_csrf';

function cookieOptions(config: Config, maxAgeMs?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    path: '/',
    ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
  };
}

/** Load the session's user (res.locals.user) and the CSRF token (res.locals.csrfToken) for every request. */
export const loadSession: Handler = ({ db, config }, req, res, next) => {
  const cookies = readCookies(req);
  const token = cookies[sessionCookie];
  const session = token ? sessionUser(db, token) : undefined;
  res.locals.user = session?.user ?? null;
  if (session) {
    res.locals.csrfToken = session.csrfToken;
  } else {
    let anon = cookies[csrfCookie];
    if (!anon || !/^[\w-]{20,100}$/.test(anon)) {
      anon = generateToken();
      res.cookie(csrfCookie, anon, { ...cookieOptions(config), sameSite: 'strict' });
    }
    res.locals.csrfToken = anon;
  }
  next();
};

const rank: Record<Role, number> = { viewer: 0, reviewer: 1, admin: 2 };

/** Only users with at least this role; anonymous → 401 (API) or the login page; too low → 403. */
export function requireRole(role: Role): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user as UserRow | null;
    if (!user) {
      if (isApiRequest(req)) return void res.status(401).json({ error: 'auth: log in first' });
      return res.redirect(
        303,
        `/login?next=${encodeURIComponent(req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/'))}`,
      );
    }
    if (rank[user.role] < rank[role]) {
      res.status(403);
      if (isApiRequest(req)) return void res.json({ error: `auth: needs the ${role} role` });
      return res.render('error', {
        title: 'Error 403',
        status: 403,
        message: `This needs the ${role} role; you are a ${user.role}.`,
      });
    }
    next();
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuse a state-changing request without the right CSRF token (403). Runs after the body parsers. */
export const checkCsrf: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  const sent = (req.get('x-csrf-token') ??
    (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)
      ? (req.body as Record<string, unknown>)._csrf
      : undefined)) as unknown;
  const expected = res.locals.csrfToken as string | undefined;
  if (typeof sent !== 'string' || !expected || !sameToken(sent, expected)) {
    res.status(403);
    if (isApiRequest(req)) return void res.json({ error: 'csrf: missing or wrong CSRF token' });
    return res.render('error', {
      title: 'Error 403',
      status: 403,
      message: 'The form expired or did not come from this site. Go back, reload the page and try again.',
    });
  }
  next();
};

const loginBody = z.object({
  username: z.string().max(200).default(''),
  password: z.string().max(500).default(''),
  next: z.string().optional(),
});

/** A safe place to go after login: a path of this site only. */
function safeNext(next: string | undefined): string {
  return safeRedirectPath(next, '/');
}

/** A refused login, its status already set: the API's error, or the login form again with the page's message. */
function refuseLogin(
  req: Request,
  res: Response,
  [apiError, pageError]: string[],
  username: string,
  next: string | undefined,
): void {
  if (isApiRequest(req)) return void res.json({ error: apiError });
  res.render('login', { title: 'Log in', error: pageError, username, next: safeNext(next) });
}

/** A login refused while the limiter blocks the account or address: 429 with how long to wait. */
function refuseThrottled(req: Request, res: Response, waitMs: number, username: string, next: string | undefined) {
  const minutes = `${Math.ceil(waitMs / 60_000)} minute${Math.ceil(waitMs / 60_000) === 1 ? '' : 's'}`;
  res.status(429).set('Retry-After', String(Math.ceil(waitMs / 1000)));
  const refusal = [
    `auth: too many failed logins; wait ${minutes}`,
    `Too many failed logins. Wait ${minutes} and try again.`,
  ];
  refuseLogin(req, res, refusal, username, next);
}

/** GET /login */
export const loginForm: Handler = (_deps, req, res) => {
  res.render('login', {
    title: 'Log in',
    error: null,
    username: '',
    next: safeNext(typeof req.query.next === 'string' ? req.query.next : undefined),
  });
};

/** POST /login (form) and POST /api/login (JSON). */
export const login: Handler = ({ db, config, loginLimiter: limiter }, req, res) => {
  const body = loginBody.safeParse(req.body ?? {});
  const { username, password, next } = body.success ? body.data : { username: '', password: '', next: undefined };
  // with RETOLD_TRUST_PROXY set, req.ip is the client's address from X-Forwarded-For
  const attempt = { account: username, address: req.ip ?? 'unknown' };
  const wait = limiter.blockedFor(attempt);
  if (wait > 0) return refuseThrottled(req, res, wait, username, next);
  const session = logIn(db, username, password, config.sessionHours);
  if (!session) {
    limiter.fail(attempt);
    res.status(401);
    return refuseLogin(req, res, ['auth: wrong user name or password', 'Wrong user name or password.'], username, next);
  }
  limiter.succeed(attempt);
  res.cookie(sessionCookie, session.token, cookieOptions(config, config.sessionHours * 3600_000));
  if (isApiRequest(req))
    return void res.json({
      user: session.user,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    });
  res.redirect(303, safeNext(next));
};

/** POST /logout */
export const logout: Handler = ({ db }, req, res) => {
  const token = readCookies(req)[sessionCookie];
  if (token) logOut(db, token);
  res.clearCookie(sessionCookie, { path: '/' });
  if (isApiRequest(req)) return void res.status(204).end();
  res.redirect(303, '/');
};

/** GET /api/me */
export const me: Handler = (_deps, _req, res) => {
  res.json({ user: res.locals.user, csrfToken: res.locals.csrfToken });
};
