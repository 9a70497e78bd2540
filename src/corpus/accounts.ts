/**
 * Account management by an admin in the web: add, change role, disable or
 * enable, reset a password. The account rules (names, passwords, roles) are
 * those of `retold user` (createUser, changePassword, disableUser); on top,
 * an admin cannot demote or disable themself, so some admin always remains
 * (the one acting is one).
 */
import type { Db } from '../db.js';
import { generatePassword } from '../auth/password.js';
import { getUser, setRole, type Role, type UserRow } from '../store/users.js';
import { AccountError, changePassword, createUser, disableUser } from './users.js';

/** What an account change did: the account (and a password to show once), or why not. */
export type AccountResult =
  | { status: 'ok'; user: UserRow; password?: string }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'not-found' };

const invalid = (field: string, message: string): AccountResult => ({
  status: 'invalid',
  errors: { [field]: message },
});
const withoutPrefix = (e: AccountError) => e.message.replace(/^user: /, '');

/** Create an account with a generated password, returned to be shown once. */
export function addAccount(db: Db, username: string, role: Role): AccountResult {
  const password = generatePassword();
  try {
    return { status: 'ok', user: createUser(db, username, password, role), password };
  } catch (e) {
    if (e instanceof AccountError) return invalid('username', withoutPrefix(e));
    throw e;
  }
}

/** Why an admin may not change this account's role or disable it, if so. */
function lockoutReason(target: UserRow, actorId: number): string | undefined {
  return target.id === actorId ? 'You cannot change your own role or disable yourself; ask another admin.' : undefined;
}

/** Give an account another role. */
export function changeAccountRole(db: Db, id: number, role: Role, actorId: number): AccountResult {
  const target = getUser(db, id);
  if (!target) return { status: 'not-found' };
  if (target.role === role) return { status: 'ok', user: target };
  const reason = lockoutReason(target, actorId);
  if (reason) return invalid('role', reason);
  setRole(db, id, role);
  return { status: 'ok', user: getUser(db, id)! };
}

/** Disable (ending its sessions) or enable an account. */
export function setAccountDisabled(db: Db, id: number, disabled: boolean, actorId: number): AccountResult {
  const target = getUser(db, id);
  if (!target) return { status: 'not-found' };
  const reason = disabled ? lockoutReason(target, actorId) : undefined;
  if (reason) return invalid('disabled', reason);
  disableUser(db, target.username, disabled);
  return { status: 'ok', user: getUser(db, id)! };
}

/** Replace an account's password with a generated one (returned to be shown once) and end its sessions. */
export function resetAccountPassword(db: Db, id: number): AccountResult {
  const target = getUser(db, id);
  if (!target) return { status: 'not-found' };
  const password = generatePassword();
  // ends every session of the account: one opened with the old password must not outlive it
  changePassword(db, target.username, password);
  return { status: 'ok', user: target, password };
}
