/**
 * The SQLite database: open with WAL and foreign keys, apply numbered
 * migrations from migrations/ (each in one transaction, version recorded),
 * refuse a database newer than the code.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { migrationsDir } from './paths.js';
import { nameKey } from './ingest/fields.js';
import { speakerSurname } from './speakers/index.js';

export type Db = Database.Database;

/** A numbered migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Read migrations/NNN_name.sql in version order. */
export function readMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({ version: Number.parseInt(f, 10), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** Raised when the database was written by a newer retold. */
export class SchemaTooNewError extends Error {}

/**
 * Apply the migrations the database does not have yet. Re-running is a no-op.
 * Returns the versions applied.
 */
export function migrate(db: Db, migrations: Migration[] = readMigrations()): number[] {
  // a migration may call the app's SQL functions (018 fills in surnames)
  addFunctions(db);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) {
    throw new SchemaTooNewError(
      `db: the database is at schema version ${current}, newer than this retold (${latest}); upgrade retold or use another database`,
    );
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    // IMMEDIATE takes the write lock first (waiting out the busy timeout), and the
    // version is read again under it, so two processes starting at once migrate once
    const ran = db
      .transaction(() => {
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return false;
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}

/** Open (creating if needed) and migrate a database. ":memory:" gives a fresh in-memory one. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

/**
 * A read-only connection to a database file another connection opened and
 * migrated (a worker thread reads pairing candidates through one): it sees
 * the last committed state and never takes a write lock.
 */
export function openReader(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  addFunctions(db);
  return db;
}

/** The file of a database, or undefined for an in-memory or temporary one (another connection cannot open those). */
export function fileOf(db: Db): string | undefined {
  return db.memory || !db.name ? undefined : resolve(db.name);
}

function addFunctions(db: Db): void {
  // outlet (and other) names are grouped and matched by this key, so invisible characters do not split one outlet in two
  db.function('name_key', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? nameKey(v) : null));
  // speaker aliases are looked up by surname (migration 018)
  db.function('speaker_surname', { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? speakerSurname(v) : '',
  );
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for this SQL on this database, compiled once and kept:
 * the store modules run the same few statements many times per import.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
