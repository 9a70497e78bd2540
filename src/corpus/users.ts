/** Accounts and sessions: shared by the login page, the API and `retold user`. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db.js';
import { generatePassword, generateToken, hashPassword, verifyPassword } from '../auth/password.js';
import { checkPassword } from '../auth/password-policy.js';
import {
  countUsers,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  getSessionUser,
  getUserByName,
  getUserForLogin,
  insertSession,
  insertUser,
  setDisabled,
  setPasswordHash,
  type Role,
  type UserRow,
} from '../store/users.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'a user name has 2 to 40 characters')
  .max(40, 'a user name has 2 to 40 characters')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash and underscore only');
export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = checkPassword(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export const roleSchema = z.enum(['admin', 'reviewer', 'viewer']);

/** Raised when account input is refused. */
export class AccountError extends Error {}

/** Create an account. */
export function createUser(db: Db, username: string, password: string, role: Role): UserRow {
  const name = usernameSchema.safeParse(username);
  if (!name.success) throw new AccountError(`user: ${name.error.issues[0].message}`);
  const pass = passwordSchema.safeParse(password);
  if (!pass.success) throw new AccountError(`user: ${pass.error.issues[0].message}`);
  if (getUserByName(db, name.data)) throw new AccountError(`user: ${name.data} already exists`);
  insertUser(db, name.data, hashPassword(pass.data), role);
  return getUserByName(db, name.data)!;
}

/**
 * Change a password and end every session of the account except `keepToken`
 * (the session of the person changing it on the account page): a session
 * opened with the old password must not outlive it. Returns how many
 * sessions were ended.
 */
export function changePassword(db: Db, username: string, password: string, keepToken?: string): number {
  const user = getUserByName(db, username);
  if (!user) throw new AccountError(`user: no user named ${username}`);
  const pass = passwordSchema.safeParse(password);
  if (!pass.success) throw new AccountError(`user: ${pass.error.issues[0].message}`);
  return db
    .transaction(() => {
      setPasswordHash(db, user.id, hashPassword(pass.data));
      return deleteSessionsOfUser(db, user.id, keepToken === undefined ? null : hashToken(keepToken));
    })
    .immediate();
}

/** The outcome of changing one's own password on the account page. */
export type OwnPasswordResult =
  { status: 'changed'; endedSessions: number } | { status: 'wrong-password' } | { status: 'invalid'; error: string };

/** Change one's own password: the current one must be right; other sessions end, this one stays. */
export function changeOwnPassword(
  db: Db,
  username: string,
  current: string,
  next: string,
  sessionToken: string,
): OwnPasswordResult {
  const user = getUserForLogin(db, username);
  if (!user || !verifyPassword(current, user.passwordHash)) return { status: 'wrong-password' };
  const pass = passwordSchema.safeParse(next);
  if (!pass.success) return { status: 'invalid', error: pass.error.issues[0].message };
  return { status: 'changed', endedSessions: changePassword(db, user.username, next, sessionToken) };
}

/** Disable (or enable) an account. */
export function disableUser(db: Db, username: string, disabled = true): void {
  const user = getUserByName(db, username);
  if (!user) throw new AccountError(`user: no user named ${username}`);
  setDisabled(db, user.id, disabled);
}

/**
 * On the first start there is no account: create an admin with a generated
 * password and return it so the caller prints it once. No default password ships.
 */
export function ensureAdmin(db: Db): { username: string; password: string } | undefined {
  if (countUsers(db) > 0) return undefined;
  const password = generatePassword();
  createUser(db, 'admin', password, 'admin');
  return { username: 'admin', password };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for a user after a successful login. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

/** Check credentials; on success store a session and return its token. */
export function logIn(
  db: Db,
  username: string,
  password: string,
  ttlHours: number,
  now = new Date(),
): NewSession | undefined {
  const user = getUserForLogin(db, username.trim());
  // verify even for unknown users so timing does not tell which names exist
  const ok = verifyPassword(
    password,
    user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (!user || !ok || user.disabled) return undefined;
  const token = generateToken();
  const csrfToken = generateToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  deleteExpiredSessions(db, now.toISOString());
  insertSession(db, hashToken(token), user.id, csrfToken, expiresAt.toISOString());
  const { passwordHash: _omit, ...plain } = user;
  void _omit;
  return { token, csrfToken, expiresAt, user: plain };
}

/** The user and CSRF token of a live session. */
export function sessionUser(db: Db, token: string, now = new Date()): { user: UserRow; csrfToken: string } | undefined {
  return getSessionUser(db, hashToken(token), now.toISOString());
}

/** End a session. */
export function logOut(db: Db, token: string): void {
  deleteSession(db, hashToken(token));
}
