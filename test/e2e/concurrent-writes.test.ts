/**
 * Two processes writing one database: annotation writes through the server
 * while a `retold import` child process imports a folder into the same file.
 * Every write transaction takes the write lock first (BEGIN IMMEDIATE) and
 * waits out the busy timeout, so no request fails and no write is lost.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db.js';
import { signIn } from '../helpers/app.js';
import { runCli } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'retold-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An article long enough that each import holds the write lock for a while. */
function articleText(k: number): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, p) =>
      `The harbour board met for session ${k}-${p} on Monday. "We will reopen the north quay before the summer, and the ferry will run twice a day," the harbour master, Ana Ruiz, told reporters. Fishermen said the delay had cost them ${p + 3} weeks of work.`,
  );
  return `Harbour works, part ${k}\n\n${paragraphs.join('\n\n')}\n`;
}

describe('writes from the server while another process imports', () => {
  it('answers every annotation write without a 5xx and loses none', async () => {
    const dbPath = join(dir, 'retold.sqlite');
    const config = { ...loadConfig({}), dbPath, loadSamples: false };
    const db = openDatabase(dbPath);
    const app = createApp({ db, config });
    const api = await signIn(app, db);
    const created = await api
      .post('/api/articles')
      .send({ title: 'Base', outlet: 'Wire', text: articleText(0) })
      .expect(201);
    const articleId = created.body.results[0].article.id as number;

    const folder = join(dir, 'incoming');
    mkdirSync(folder);
    const files = 24;
    for (let k = 1; k <= files; k += 1)
      writeFileSync(join(folder, `article-${String(k).padStart(2, '0')}.txt`), articleText(k));
    const importer = runCli(['import', folder], { RETOLD_DB: dbPath, RETOLD_LOAD_SAMPLES: 'false' }, 120_000);
    let importDone = false;
    void importer.finally(() => (importDone = true));

    // bounded in count and in time; it runs at least until the import ends
    const statuses: number[] = [];
    const acked: number[] = [];
    const started = Date.now();
    while ((!importDone || statuses.length < 20) && statuses.length < 600 && Date.now() - started < 90_000) {
      const start = (statuses.length * 7) % 200;
      const res = await api
        .post('/api/annotations')
        .send({ articleId, start, end: start + 5, note: `note ${statuses.length}` });
      statuses.push(res.status);
      if (res.status === 201) acked.push(res.body.annotation.id as number);
    }
    const cli = await importer;
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`imported ${files}`);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201)).toBe(true);
    db.close();

    const check = new Database(dbPath, { readonly: true });
    const stored = new Set((check.prepare('SELECT id FROM annotations').all() as { id: number }[]).map((r) => r.id));
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    expect((check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(files + 1);
    check.close();
  }, 150_000);
});
