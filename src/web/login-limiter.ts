/**
 * Login limiting: failed logins are counted per account and per client
 * address in a fixed window; a successful login clears the account's count.
 * Successes never count, so a user who logs in often is never locked out.
 *
 * Why per account too: behind a proxy (or a newsroom NAT) many people share
 * one address, and an attacker with many addresses could otherwise guess at
 * one account without limit. The address count is higher than the account
 * count for the same reason, and it is not cleared by a success, so logging
 * in to one's own account does not reset a run of guesses at others.
 *
 * Memory is bounded by `maxKeys`: when full, expired entries go first, then
 * the least recently failed entry that is not at its limit; a counter that
 * blocks someone is dropped only when every entry blocks (never the whole
 * table at once).
 */

/** The limits (failures per window). */
export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
  maxKeys: number;
}

export const defaultLoginLimits: LoginLimits = {
  perAccount: 10,
  perAddress: 50,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
};

interface Counter {
  count: number;
  resetAt: number;
  limit: number;
}

/** Who is logging in. */
export interface LoginAttempt {
  account: string;
  address: string;
}

/** A limiter of failed logins. */
export interface LoginLimiter {
  /** Milliseconds to wait when the attempt must be refused, else 0. Does not count. */
  blockedFor(attempt: LoginAttempt, now?: number): number;
  /** Count a failed login. */
  fail(attempt: LoginAttempt, now?: number): void;
  /** A successful login: clear the account's count. */
  succeed(attempt: LoginAttempt): void;
  /** Entries held (for tests of the memory bound). */
  size(): number;
}

const accountKey = (a: LoginAttempt) => `account:${a.account.trim().normalize('NFC').toLowerCase()}`;
const addressKey = (a: LoginAttempt) => `address:${a.address}`;

/** Create a limiter with these limits. */
export function createLoginLimiter(limits: LoginLimits = defaultLoginLimits): LoginLimiter {
  // a Map iterates in insertion order; re-inserting on every failure keeps it least-recently-failed first
  const counters = new Map<string, Counter>();

  const live = (key: string, now: number): Counter | undefined => {
    const c = counters.get(key);
    if (c && c.resetAt <= now) {
      counters.delete(key);
      return undefined;
    }
    return c;
  };

  const makeRoom = (now: number): void => {
    if (counters.size < limits.maxKeys) return;
    for (const [k, c] of counters) if (c.resetAt <= now) counters.delete(k);
    if (counters.size < limits.maxKeys) return;
    for (const [k, c] of counters) {
      if (c.count < c.limit) {
        counters.delete(k);
        return;
      }
    }
    counters.delete(counters.keys().next().value as string);
  };

  const bump = (key: string, limit: number, now: number): void => {
    const c = live(key, now);
    if (c) {
      counters.delete(key);
      counters.set(key, { ...c, count: c.count + 1 });
      return;
    }
    makeRoom(now);
    counters.set(key, { count: 1, resetAt: now + limits.windowMs, limit });
  };

  return {
    blockedFor(attempt, now = Date.now()) {
      let wait = 0;
      for (const key of [accountKey(attempt), addressKey(attempt)]) {
        const c = live(key, now);
        if (c && c.count >= c.limit) wait = Math.max(wait, c.resetAt - now);
      }
      return wait;
    },
    fail(attempt, now = Date.now()) {
      bump(accountKey(attempt), limits.perAccount, now);
      bump(addressKey(attempt), limits.perAddress, now);
    },
    succeed(attempt) {
      counters.delete(accountKey(attempt));
    },
    size: () => counters.size,
  };
}
