/** SQL for users and sessions. */
import type { Db } from '../db.js';

export type Role = 'admin' | 'reviewer' | 'viewer';

/** A user without the password hash. */
export interface UserRow {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

const columns = 'id, username, role, disabled, created_at AS createdAt';
const toUser = (r: Record<string, unknown> | undefined): UserRow | undefined =>
  r && { ...(r as unknown as UserRow), disabled: r.disabled === 1 };

/** Insert a user. */
export function insertUser(db: Db, username: string, passwordHash: string, role: Role): number {
  return Number(
    db.prepare('INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)').run(username, passwordHash, role)
      .lastInsertRowid,
  );
}

/** A user by name, with the hash (for login only). */
export function getUserForLogin(db: Db, username: string): (UserRow & { passwordHash: string }) | undefined {
  const r = db
    .prepare(`SELECT ${columns}, password_hash AS passwordHash FROM users WHERE username = ?`)
    .get(username) as Record<string, unknown> | undefined;
  return r && { ...toUser(r)!, passwordHash: r.passwordHash as string };
}

/** A user by id. */
export function getUser(db: Db, id: number): UserRow | undefined {
  return toUser(db.prepare(`SELECT ${columns} FROM users WHERE id = ?`).get(id) as Record<string, unknown> | undefined);
}

/** A user by name. */
export function getUserByName(db: Db, username: string): UserRow | undefined {
  return toUser(
    db.prepare(`SELECT ${columns} FROM users WHERE username = ?`).get(username) as Record<string, unknown> | undefined,
  );
}

/** All users. */
export function listUsers(db: Db): UserRow[] {
  return (db.prepare(`SELECT ${columns} FROM users ORDER BY username`).all() as Record<string, unknown>[]).map((r) =>
    toUser(r)!,
  );
}

/** Count of users. */
export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

/** Set a new password hash. */
export function setPasswordHash(db: Db, id: number, hash: string): boolean {
  return db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, id).changes > 0;
}

/** Disable or enable an account; disabling ends its sessions. */
export function setDisabled(db: Db, id: number, disabled: boolean): boolean {
  const changed = db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id).changes > 0;
  if (disabled) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
  return changed;
}

/** End every session of a user except the one with this token hash; returns how many ended. */
export function deleteSessionsOfUser(db: Db, userId: number, exceptTokenHash: string | null): number {
  return db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, exceptTokenHash)
    .changes;
}

/** Store a session. */
export function insertSession(db: Db, tokenHash: string, userId: number, csrfToken: string, expiresAt: string): void {
  db.prepare('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)').run(
    tokenHash,
    userId,
    csrfToken,
    expiresAt,
  );
}

/** The live session for a token hash, with its user (expired sessions and disabled users give nothing). */
export function getSessionUser(
  db: Db,
  tokenHash: string,
  now: string,
): { user: UserRow; csrfToken: string } | undefined {
  const r = db
    .prepare(
      `SELECT u.id, u.username, u.role, u.disabled, u.created_at AS createdAt, s.csrf_token AS csrfToken
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
    )
    .get(tokenHash, now) as Record<string, unknown> | undefined;
  return r && { user: toUser(r)!, csrfToken: r.csrfToken as string };
}

/** End a session. */
export function deleteSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Remove expired sessions. */
export function deleteExpiredSessions(db: Db, now: string): void {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
}

/** Change an account's role. */
export function setRole(db: Db, id: number, role: Role): boolean {
  return db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id).changes > 0;
}
