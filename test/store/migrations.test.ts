import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations, SchemaTooNewError } from '../../src/db.js';

describe('migrations', () => {
  it('applies every numbered migration in order to a fresh database and records the version', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((m) => m.version)).toEqual([...all.map((m) => m.version)].sort((a, b) => a - b));
    expect(migrate(db)).toEqual(all.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(all[all.length - 1].version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'articles'").get()).toBeTruthy();
  });

  it('is a no-op when re-run', () => {
    const db = new Database(':memory:');
    migrate(db);
    const before = db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual(before);
  });

  it('refuses a database newer than the code with a clear message', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.pragma('user_version = 9999');
    expect(() => migrate(db)).toThrow(SchemaTooNewError);
    expect(() => migrate(db)).toThrow(/schema version 9999, newer than this retold/);
  });

  it('rolls back a failing migration whole and keeps the version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-mig-'));
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = new Database(':memory:');
    expect(() => migrate(db, readMigrations(dir))).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('opens a file database in WAL mode with foreign keys on', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'retold-db-')), 'sub', 'r.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
