/**
 * The one password rule, used by `retold user add|passwd` and the account
 * page alike: at least 10 characters, not only white space, not a single
 * character repeated, and not one of the common passwords in
 * data/common-passwords.json (compared case-insensitively). Length alone let
 * `password12`, `aaaaaaaaaa` and ten spaces through.
 */
import commonFile from '../../data/common-passwords.json' with { type: 'json' };

/** Shortest password accepted. */
export const minPasswordLength = 10;
/** Longest password accepted (scrypt input stays small). */
export const maxPasswordLength = 200;

const common = new Set(commonFile.passwords.map((p) => p.toLowerCase()));

/** Why a password is refused, or undefined when it is acceptable. */
export function checkPassword(password: string): string | undefined {
  if ([...password].length < minPasswordLength) return `a password has at least ${minPasswordLength} characters`;
  if (password.length > maxPasswordLength) return `a password has at most ${maxPasswordLength} characters`;
  if (!password.trim()) return 'a password cannot be only white space';
  if (/^(.)\1*$/su.test(password)) return 'a password cannot be one character repeated';
  if (common.has(password.trim().toLowerCase()))
    return 'this password is on the list of common passwords; choose another';
  return undefined;
}
