/**
 * Backups and restores of the database file, and the lock a server holds on it.
 *
 * - A backup uses SQLite's online backup API through a separate read-only
 *   connection, so it runs while a server is reading and writing: WAL mode lets
 *   readers go on beside the writer, and the API restarts a step that a write
 *   overtook, so the copy is always one consistent state.
 * - A restore replaces the file, so it must never happen under a running
 *   server. A server takes `<db>.lock` (holding its pid) when it starts and
 *   removes it when it stops; a lock whose pid no longer runs is stale (the
 *   server was killed) and is taken over.
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db.js';
import { readMigrations } from '../db.js';

/** A backup or restore that cannot go ahead; the message says why. */
export class BackupError extends Error {}

/** Where the server lock of a database lives. */
export function lockPathOf(dbPath: string): string {
  return `${dbPath}.lock`;
}

/** True when a process with this pid exists (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the lock of this database, or undefined when there is no live holder. */
export function readLockHolder(dbPath: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(lockPathOf(dbPath), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return isRunning(pid) ? pid : undefined;
}

/**
 * Take the lock of a database for this process, or throw when a live process
 * holds it. Returns the function that releases it. In-memory databases need none.
 */
export function acquireLock(dbPath: string, purpose = 'a server'): () => void {
  if (dbPath === ':memory:') return () => {};
  const path = lockPathOf(dbPath);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      // 'wx' fails when the file exists, so two starters cannot both win
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLockHolder(dbPath);
      if (holder !== undefined) {
        throw new BackupError(
          `backup: ${dbPath} is in use by ${holder === process.pid ? 'this process' : `process ${holder}`} (lock ${path}); stop it before ${purpose} uses the database`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new BackupError(`backup: could not take the lock ${path}`);
}

/** What a backup or restore did. */
export interface BackupOutcome {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/** The newest schema version this code knows. */
function latestSchemaVersion(): number {
  const migrations = readMigrations();
  return migrations.length ? migrations[migrations.length - 1].version : 0;
}

/**
 * Check that a file is a sound retold database this code can use: a SQLite
 * file, `PRAGMA integrity_check` = ok, a schema version between 1 and the
 * newest migration, and an articles table. Returns its schema version.
 */
export function checkDatabaseFile(file: string): number {
  if (!existsSync(file)) throw new BackupError(`backup: ${file}: no such file`);
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') throw new BackupError(`backup: ${file} fails the integrity check: ${check}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = latestSchemaVersion();
    if (version < 1) throw new BackupError(`backup: ${file} is not a retold database (schema version ${version})`);
    if (version > latest)
      throw new BackupError(`backup: ${file} is at schema version ${version}, newer than this retold (${latest})`);
    const articles = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get();
    if (!articles) throw new BackupError(`backup: ${file} is not a retold database (no articles table)`);
    return version;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new BackupError(`backup: ${file} is not a SQLite database`);
    throw new BackupError(`backup: cannot read ${file}: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

/** How far a backup has come, after each step. */
export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** Options of a backup: pages copied per step (between steps other work runs) and a progress report. */
export interface BackupOptions {
  pagesPerStep?: number;
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * Copy the database at `dbPath` to `dest` with the online backup API, in
 * steps, while other connections and processes may write to it, then check
 * the copy. Creates `dest`'s folder; refuses to overwrite `dest`.
 *
 * SQLite restarts an online backup whenever another connection writes to the
 * source between two steps, so under steady writes a stepped backup never
 * ended (41 s, issue 16). The source connection therefore holds one read
 * transaction over every step: in WAL mode that fixes the snapshot it copies
 * while writers go on, so the copy is the database as it was when the backup
 * began and no write restarts it. The copy is written beside `dest` under a
 * temporary name, switched out of WAL mode (one self-contained file, no
 * `-wal`/`-shm`), checked and only then renamed to `dest`.
 */
export async function backupDatabase(
  dbPath: string,
  dest: string,
  options: BackupOptions = {},
): Promise<BackupOutcome> {
  if (dbPath === ':memory:')
    throw new BackupError('backup: an in-memory database cannot be backed up from another process');
  if (!existsSync(dbPath)) throw new BackupError(`backup: ${dbPath}: no such database`);
  if (existsSync(dest)) throw new BackupError(`backup: ${dest} exists; choose a new file name`);
  try {
    mkdirSync(dirname(dest), { recursive: true });
  } catch (err) {
    throw new BackupError(`backup: cannot create the folder of ${dest}: ${(err as Error).message}`);
  }
  const partial = `${dest}.partial`;
  removeDatabaseFiles(partial);
  // read-only: the backup never writes the live database; WAL lets it read beside the server
  const source = new Database(dbPath, { readonly: true, fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  const pagesPerStep = Math.max(1, Math.floor(options.pagesPerStep ?? 256));
  try {
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_master').get(); // the snapshot starts at the first read
    const done = await source.backup(partial, {
      progress: (p) => {
        options.onProgress?.({ totalPages: p.totalPages, remainingPages: p.remainingPages });
        return pagesPerStep;
      },
    });
    options.onProgress?.({ totalPages: done.totalPages, remainingPages: 0 });
    source.exec('COMMIT');
    // one self-contained file: a rollback-journal database leaves no -wal or -shm beside it
    const copy = new Database(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const schemaVersion = checkDatabaseFile(partial);
    if (existsSync(dest)) throw new BackupError(`backup: ${dest} exists; choose a new file name`);
    renameSync(partial, dest);
    return { file: dest, bytes: statSync(dest).size, schemaVersion };
  } catch (err) {
    removeDatabaseFiles(partial);
    if (err instanceof BackupError) throw err;
    throw new BackupError(`backup: cannot copy ${dbPath} to ${dest}: ${(err as Error).message}`);
  } finally {
    source.close();
  }
}

/** Remove a database file and the journal files SQLite may leave beside it. */
function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Replace the database at `dbPath` with the backup `file`, after checking the
 * backup, and only while no server holds the database. The old WAL files go
 * with the old database; an older schema is migrated by the next start.
 */
export function restoreDatabase(dbPath: string, file: string): BackupOutcome {
  if (dbPath === ':memory:') throw new BackupError('backup: cannot restore into an in-memory database');
  const schemaVersion = checkDatabaseFile(file);
  const release = acquireLock(dbPath, 'a restore');
  try {
    const staging = `${dbPath}.restoring`;
    copyFileSync(file, staging);
    // a backup taken from a WAL database says WAL in its header; the WAL and
    // shared-memory files of the old database must not be replayed onto it
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(staging, dbPath);
  } finally {
    release();
  }
  return { file: dbPath, bytes: statSync(dbPath).size, schemaVersion };
}
