import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  acquireLock,
  BackupError,
  backupDatabase,
  checkDatabaseFile,
  lockPathOf,
  readLockHolder,
  restoreDatabase,
} from '../../src/corpus/backup.js';
import { importArticle } from '../../src/corpus/articles.js';
import { openDatabase, readMigrations } from '../../src/db.js';
import { countArticles } from '../../src/store/articles.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retold-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that certainly does not run: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function makeDatabase(path: string, texts: string[]): void {
  const db = openDatabase(path);
  for (const text of texts) importArticle(db, { text, title: text.slice(0, 20), format: 'txt' });
  db.close();
}

function countIn(path: string): number {
  const db = openDatabase(path);
  const n = countArticles(db);
  db.close();
  return n;
}

const story = (n: number) =>
  `The council met on Tuesday. "We will rebuild bridge number ${n} by spring," the mayor said. Residents welcomed the plan.`;

describe('backup and restore', () => {
  it('copies a database that another connection holds open in WAL mode', async () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1), story(2)]);
    const holder = openDatabase(live);
    importArticle(holder, { text: story(3), format: 'txt' }); // still in the WAL, not checkpointed
    const done = await backupDatabase(live, join(dir, 'copy.sqlite'));
    holder.close();
    expect(done.schemaVersion).toBe(readMigrations().at(-1)!.version);
    expect(countIn(join(dir, 'copy.sqlite'))).toBe(3);
  });

  it('finishes in steps while another connection keeps writing, and the copy is one sound file', async () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(
      live,
      Array.from({ length: 12 }, (_, i) => `${story(i)} ${'The works will take a year. '.repeat(40)}`),
    );
    const writer = openDatabase(live);
    let writes = 0;
    let writing = true;
    // a write between every two steps: without one snapshot held over the steps, each write restarted the backup
    const writes$ = (async () => {
      while (writing) {
        importArticle(writer, { text: `${story(1000 + writes)} Written during the backup.`, format: 'txt' });
        writes += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const before = countIn(live);
    const progress: { totalPages: number; remainingPages: number }[] = [];
    const dest = join(dir, 'nested', 'folder', 'copy.sqlite');
    const done = await backupDatabase(live, dest, { pagesPerStep: 1, onProgress: (p) => progress.push(p) });
    const writesDuringBackup = writes;
    writing = false;
    await writes$;
    writer.close();

    expect(writesDuringBackup).toBeGreaterThan(3);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ totalPages: progress.at(-1)!.totalPages, remainingPages: 0 });
    expect(done.bytes).toBeGreaterThan(0);
    // one file, no journal beside it, and the database as it was when the backup began
    expect(readdirSync(join(dir, 'nested', 'folder'))).toEqual(['copy.sqlite']);
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    const n = (copy.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const quotes = (copy.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n;
    copy.close();
    expect(n).toBe(before);
    expect(quotes).toBeGreaterThanOrEqual(before);
    expect(countIn(live)).toBe(12 + writes);
  }, 60_000);

  it('refuses to overwrite an existing backup file', async () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1)]);
    writeFileSync(join(dir, 'taken.sqlite'), 'x');
    await expect(backupDatabase(live, join(dir, 'taken.sqlite'))).rejects.toThrow(/exists/);
  });

  it('restores the backed-up data over a changed database', async () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1)]);
    await backupDatabase(live, join(dir, 'copy.sqlite'));
    makeDatabase(live, [story(2), story(3)]);
    expect(countIn(live)).toBe(3);
    restoreDatabase(live, join(dir, 'copy.sqlite'));
    expect(countIn(live)).toBe(1);
    expect(existsSync(lockPathOf(live))).toBe(false);
  });

  it.each([
    [
      'a text file',
      (p: string) => writeFileSync(p, 'not a database at all, just some words\n'.repeat(200)),
      /not a SQLite database/,
    ],
    ['an empty SQLite file', (p: string) => new Database(p).close(), /not a retold database/],
    [
      'a SQLite file of another program',
      (p: string) => {
        const db = new Database(p);
        db.exec('CREATE TABLE notes (x)');
        db.pragma('user_version = 3');
        db.close();
      },
      /no articles table/,
    ],
    [
      'a database from a newer retold',
      (p: string) => {
        makeDatabase(p, []);
        const db = new Database(p);
        db.pragma('user_version = 999');
        db.close();
      },
      /newer than this retold/,
    ],
  ])('refuses to restore %s and leaves the database as it was', (_name, make, message) => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1)]);
    const bad = join(dir, 'bad.sqlite');
    make(bad);
    expect(() => restoreDatabase(live, bad)).toThrow(message);
    expect(countIn(live)).toBe(1);
  });

  it('refuses to restore while a live process holds the lock', async () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1)]);
    await backupDatabase(live, join(dir, 'copy.sqlite'));
    const release = acquireLock(live);
    try {
      expect(readLockHolder(live)).toBe(process.pid);
      expect(() => restoreDatabase(live, join(dir, 'copy.sqlite'))).toThrow(BackupError);
      expect(() => acquireLock(live)).toThrow(/in use/);
    } finally {
      release();
    }
    expect(readLockHolder(live)).toBeUndefined();
  });

  it('takes over a stale lock whose process is gone', () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1)]);
    writeFileSync(lockPathOf(live), `${deadPid()}\n`);
    expect(readLockHolder(live)).toBeUndefined();
    const release = acquireLock(live);
    expect(readLockHolder(live)).toBe(process.pid);
    release();
  });

  it('checks a sound database and reports its schema version', () => {
    const live = join(dir, 'live.sqlite');
    makeDatabase(live, [story(1)]);
    expect(checkDatabaseFile(live)).toBe(readMigrations().at(-1)!.version);
  });
});
