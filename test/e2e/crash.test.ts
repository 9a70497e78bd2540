/**
 * Crash safety: a server process killed with SIGKILL in the middle of a burst
 * of writes restarts on a sound database (integrity_check = ok) that holds
 * every write it acknowledged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { logIn, startServerProcess, type Client, type ServerProcess } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'retold-crash-'));
const dbPath = join(dir, 'retold.sqlite');
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A short article in wire style with a marker that makes its text unique. */
function makeArticle(marker: string): { title: string; outlet: string; text: string } {
  return {
    title: `Harbour works ${marker}`,
    outlet: 'Test Wire',
    text: `The harbour authority approved new works on Monday (${marker}). "We expect the quay to reopen before the summer season," the harbour master, Ana Ruiz, told reporters. Fishermen said the delay had cost them a season.`,
  };
}

/** What the writers sent and what the server acknowledged. */
interface Ledger {
  imported: { id: number; marker: string }[];
  /** per edited article: acknowledged titles in order, and the title in flight when the server died */
  edits: Map<number, { acked: string[]; inFlight: string | null }>;
  annotations: { id: number | string; articleId: number }[];
  errors: string[];
}

/** Import articles one after another until the server goes away. */
async function writeImports(client: Client, worker: number, ledger: Ledger, stop: () => boolean): Promise<void> {
  for (let k = 0; !stop(); k += 1) {
    const marker = `w${worker}-n${k}-${Date.now()}`;
    try {
      const res = await client.request('POST', '/api/articles', makeArticle(marker));
      if (res.status !== 201 && res.status !== 200) {
        ledger.errors.push(`import ${marker}: ${res.status} ${res.text.slice(0, 200)}`);
        continue;
      }
      const id = (res.body as { results: { article?: { id: number } }[] }).results[0].article?.id;
      if (id !== undefined) ledger.imported.push({ id, marker });
    } catch {
      return; // the connection died with the server
    }
  }
}

/** Edit one article's title again and again, recording each acknowledged title. */
async function writeEdits(client: Client, articleId: number, ledger: Ledger, stop: () => boolean): Promise<void> {
  const entry = { acked: [] as string[], inFlight: null as string | null };
  ledger.edits.set(articleId, entry);
  for (let k = 0; !stop(); k += 1) {
    const title = `Edited ${articleId} #${k}`;
    entry.inFlight = title;
    try {
      const res = await client.request('PATCH', `/api/articles/${articleId}`, { title });
      if (res.status !== 200) {
        ledger.errors.push(`edit ${articleId}: ${res.status} ${res.text.slice(0, 200)}`);
        entry.inFlight = null;
        continue;
      }
      entry.acked.push(title);
      entry.inFlight = null;
    } catch {
      return;
    }
  }
}

/**
 * Create annotations when the annotations API is there (probed with an empty
 * body: a route that does not exist answers 404).
 */
async function writeAnnotations(client: Client, articleId: number, ledger: Ledger, stop: () => boolean): Promise<void> {
  try {
    const probe = await client.request('POST', '/api/annotations', {});
    if (probe.status === 404) return;
  } catch {
    return;
  }
  for (let k = 0; !stop(); k += 1) {
    try {
      const res = await client.request('POST', '/api/annotations', {
        articleId,
        start: 4 + (k % 20),
        end: 30 + (k % 20),
        note: `crash note ${k}`,
      });
      if (res.status !== 201 && res.status !== 200) {
        ledger.errors.push(`annotation: ${res.status} ${res.text.slice(0, 200)}`);
        return;
      }
      const body = res.body as { id?: number | string; annotation?: { id: number | string } };
      const id = body.annotation?.id ?? body.id;
      if (id !== undefined) ledger.annotations.push({ id, articleId });
    } catch {
      return;
    }
  }
}

describe('a server killed in the middle of writes', () => {
  it('restarts on a sound database holding every acknowledged write', async () => {
    const env = { RETOLD_DB: dbPath };
    const first = await startServerProcess(env);
    running.push(first);
    expect(first.adminPassword).toBeTruthy();
    const client = await logIn(first.url, 'admin', first.adminPassword!);

    const list = await client.request('GET', '/api/articles');
    const sampleIds = (list.body as { articles: { id: number }[] }).articles.map((a) => a.id);
    expect(sampleIds.length).toBeGreaterThanOrEqual(2);

    const ledger: Ledger = { imported: [], edits: new Map(), annotations: [], errors: [] };
    let dead = false;
    const stop = () => dead;
    const writers = [
      writeImports(client, 1, ledger, stop),
      writeImports(client, 2, ledger, stop),
      writeEdits(client, sampleIds[0], ledger, stop),
      writeEdits(client, sampleIds[1], ledger, stop),
      writeAnnotations(client, sampleIds[0], ledger, stop),
    ];
    // kill at an unpredictable moment once a fair number of writes are acknowledged (imports are the slow ones)
    const started = Date.now();
    const atLeastMs = 1500 + Math.random() * 1500;
    while ((ledger.imported.length < 10 || Date.now() - started < atLeastMs) && Date.now() - started < 30_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await first.kill();
    dead = true;
    await Promise.all(writers);
    expect(ledger.errors).toEqual([]);
    expect(ledger.imported.length).toBeGreaterThanOrEqual(10);
    const acknowledgedEdits = [...ledger.edits.values()].reduce((n, e) => n + e.acked.length, 0);
    expect(acknowledgedEdits).toBeGreaterThan(0);
    console.log(
      `crash: killed after ${ledger.imported.length} imports, ${acknowledgedEdits} edits, ${ledger.annotations.length} annotations acknowledged`,
    );

    // the killed server left its lock behind; the restart must take it over
    const second = await startServerProcess(env);
    running.push(second);
    const health = await fetch(`${second.url}/healthz`);
    expect(await health.text()).toBe('ok');

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const { id, marker } of ledger.imported) {
        const row = db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string } | undefined;
        expect(row?.text, `acknowledged import ${marker}`).toContain(marker);
      }
      for (const [id, { acked, inFlight }] of ledger.edits) {
        const row = db.prepare('SELECT title FROM articles WHERE id = ?').get(id) as { title: string };
        // the last acknowledged title, or the one whose answer the kill cut off
        expect([acked.at(-1), inFlight].filter(Boolean)).toContain(row.title);
      }
      for (const { id } of ledger.annotations) {
        const found = db
          .prepare('SELECT 1 FROM annotations WHERE id = ? OR uuid = ?')
          .get(typeof id === 'number' ? id : -1, String(id));
        expect(found, `acknowledged annotation ${id}`).toBeTruthy();
      }
    } finally {
      db.close();
    }
    await second.stop();
  }, 180_000);
});
