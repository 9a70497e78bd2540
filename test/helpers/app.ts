/** Test set-up: the real app from its factory over a fresh migrated in-memory database. */
import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db.js';

/** A fresh app and its database. */
export function makeApp(overrides: Partial<Config> = {}): { app: Express; db: Db; config: Config } {
  const config = { ...loadConfig({}), dbPath: ':memory:', loadSamples: false, ...overrides };
  const db = openDatabase(':memory:');
  return { app: createApp({ db, config }), db, config };
}

/** Row counts of every table, to check that a refused request changed nothing. */
export function snapshotCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}
