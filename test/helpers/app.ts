/** Test set-up: the real app from its factory over a fresh migrated in-memory database. */
import type { Express } from 'express';
import request from 'supertest';
import { createUser } from '../../src/corpus/users.js';
import { getUserByName } from '../../src/store/users.js';
import { createApp } from '../../src/app.js';
import type { LoginLimits } from '../../src/web/login-limiter.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db.js';

/** A fresh app and its database. */
export function makeApp(
  overrides: Partial<Config> = {},
  loginLimits: Partial<LoginLimits> = {},
): { app: Express; db: Db; config: Config } {
  const config = { ...loadConfig({}), dbPath: ':memory:', loadSamples: false, ...overrides };
  const db = openDatabase(':memory:');
  return { app: createApp({ db, config, loginLimits }), db, config };
}

/** Row counts of every table, to check that a refused request changed nothing. */
export function snapshotCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}

/**
 * A supertest agent logged in with a new account of this role; it sends the
 * session cookie and the CSRF header with every request.
 */
export async function signIn(
  app: Express,
  db: Db,
  role: 'admin' | 'reviewer' | 'viewer' = 'reviewer',
  username = `${role}1`,
) {
  const password = 'correct horse battery';
  if (!getUserByName(db, username)) createUser(db, username, password, role);
  const agent = request.agent(app);
  const anon = await agent.get('/api/me').expect(200);
  const res = await agent
    .post('/api/login')
    .set('x-csrf-token', anon.body.csrfToken)
    .send({ username, password })
    .expect(200);
  agent.set('x-csrf-token', res.body.csrfToken as string);
  return agent;
}
