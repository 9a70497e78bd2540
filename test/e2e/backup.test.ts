/**
 * `retold backup` and `retold restore` against a real server process: a
 * backup taken while the server writes is consistent and holds what was
 * acknowledged before it began; a restore is refused while the server runs and
 * brings the data back once it is stopped.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { logIn, runCli, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'retold-backup-e2e-'));
const dbPath = join(dir, 'retold.sqlite');
const env = { RETOLD_DB: dbPath };
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
  rmSync(dir, { recursive: true, force: true });
});

function readTitles(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT title FROM articles ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

const article = (n: number) => ({
  title: `Backup story ${n}`,
  outlet: 'Test Wire',
  text: `Officials opened the new library wing on Friday, story ${n}. "Every child in the valley deserves a place to read," the mayor said.`,
});

describe('backup and restore around a running server', () => {
  it('backs up while the server writes, refuses a restore while it runs, and restores once stopped', async () => {
    const server = await startServerProcess(env);
    running.push(server);
    const client = await logIn(server.url, 'admin', server.adminPassword!);

    // a writer that keeps importing while the backup runs
    const acked: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n += 1) {
        const res = await client.request('POST', '/api/articles', article(n));
        expect(res.status).toBe(201);
        acked.push(article(n).title);
      }
    })();
    while (acked.length < 3) await new Promise((r) => setTimeout(r, 20));
    const ackedBeforeBackup = [...acked];

    // into a folder that does not exist yet, as the README's example does
    const backupFile = join(dir, 'backups', 'copy.sqlite');
    const backup = await runCli(['backup', backupFile], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup: 100% \(\d+ of \d+ pages\)/);
    const writesDuringBackup = acked.length - ackedBeforeBackup.length;
    writing = false;
    await writer;
    expect(writesDuringBackup).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'backups'))).toEqual(['copy.sqlite']);

    const inBackup = readTitles(backupFile);
    for (const title of ackedBeforeBackup) expect(inBackup).toContain(title);
    const inLive = readTitles(dbPath);
    expect(inLive.length).toBeGreaterThanOrEqual(inBackup.length);
    const lostOnRestore = acked.filter((t) => !inBackup.includes(t));
    for (const t of acked) expect(inLive).toContain(t);

    const refused = await runCli(['restore', backupFile], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use by process \d+/);
    expect(readTitles(dbPath)).toEqual(inLive);

    expect(await server.stop()).toBe(0);
    expect(existsSync(`${dbPath}.lock`)).toBe(false);

    const notDb = await runCli(['restore', join(dir, '..', 'no-such-backup.sqlite')], env);
    expect(notDb.code).toBe(1);

    const restored = await runCli(['restore', backupFile], env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);

    const again = await startServerProcess(env);
    running.push(again);
    const list = (await (await fetch(`${again.url}/api/articles`)).json()) as { articles: { title: string }[] };
    expect(list.articles.map((a) => a.title).sort()).toEqual([...inBackup].sort());
    // writes made after the backup are gone again, as a restore means
    for (const t of lostOnRestore) expect(list.articles.map((a) => a.title)).not.toContain(t);
    await again.stop();
  }, 180_000);
});
