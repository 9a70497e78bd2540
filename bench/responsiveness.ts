/**
 * Responsiveness while importing (issue 16): /healthz p99 while the server
 * imports (a) a 5 MB ordinary text, (b) a 200 kB single token, (c) a JSON array
 * of 2,000 articles, each beside /healthz p99 idle in the same run; and
 * `retold import` of a folder of real articles (every PolNeAR text, skipped
 * when ../shared is absent) with the worker pool against one worker.
 * Sizes: BENCH_HEALTH_MB and BENCH_HEALTH_ARTICLES; by default 1 MB and 200 articles,
 * so `npm run bench` ends in minutes (each generated article pairs with dozens
 * of others, so storing 2,000 takes long on two cores); BENCH_FULL=1 gives the
 * issue's 4.6 MiB of characters (5 MB of JSON) and 2,000 articles.
 * BENCH_HEALTH_CASES (text,token,array) runs some of the cases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createUser } from '../src/corpus/users.js';
import { openDatabase } from '../src/db.js';
import { createWorkerPool, defaultServerWorkers } from '../src/workers/pool.js';
import { generateArticleTexts } from './article-gen.js';
import { makeRow, type BenchRow } from './table.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** The full sizes (BENCH_FULL=1) rather than the quicker defaults. */
const FULL = process.env.BENCH_FULL === '1';

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))];
}

/** /healthz p99 idle and while each kind of import runs, through a server with the worker pool. */
export async function benchHealthWhileImporting(): Promise<BenchRow[]> {
  const db = openDatabase(':memory:');
  const runner = createWorkerPool(defaultServerWorkers());
  const config = {
    ...loadConfig({}),
    dbPath: ':memory:',
    loadSamples: false,
    maxArticles: env('BENCH_HEALTH_ARTICLES', FULL ? 2000 : 200),
  };
  const app = createApp({ db, config, runner });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  createUser(db, 'bench', 'correct horse battery', 'reviewer');
  let cookie = '';
  // node:http rather than fetch: fetch gives up on an answer that takes over 300 s (a 2,000-article import may)
  const call = (method: string, path: string, body?: unknown, csrf?: string) =>
    new Promise<{ status: number; body: Record<string, unknown> | undefined }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(base + path, {
        method,
        headers: {
          cookie,
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
      });
      req.on('response', (res) => {
        for (const c of res.headers['set-cookie'] ?? []) cookie = c.split(';')[0];
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: Record<string, unknown> | undefined;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  const anon = await call('GET', '/api/me');
  const login = await call(
    'POST',
    '/api/login',
    { username: 'bench', password: 'correct horse battery' },
    anon.body!.csrfToken as string,
  );
  const csrf = login.body!.csrfToken as string;
  // a socket the server closed after its keep-alive time may be reused once by the client: retry, counting the wait
  server.keepAliveTimeout = 60_000;
  const health = async (): Promise<number> => {
    const t = performance.now();
    try {
      await (await fetch(`${base}/healthz`)).text();
    } catch {
      await (await fetch(`${base}/healthz`)).text();
    }
    return performance.now() - t;
  };
  const rows: BenchRow[] = [];
  try {
    await call('POST', '/api/articles', { title: 'Warm-up', text: generateArticleTexts(1, 5)[0].text }, csrf); // workers started
    const idle: number[] = [];
    for (let i = 0; i < 300; i += 1) idle.push(await health());
    const idleP99 = p99(idle);
    const ordinary = generateArticleTexts(3000, 31).map((a) => a.text);
    let big = '';
    for (const t of ordinary) {
      if (big.length + t.length > env('BENCH_HEALTH_MB', FULL ? 4.6 : 1) * 1024 * 1024) break; // the JSON body, escapes included, stays under the 5 MiB limit
      big += `${t}\n\n`;
    }
    const token = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    const count = env('BENCH_HEALTH_ARTICLES', FULL ? 2000 : 200);
    const many = generateArticleTexts(count, 47).map((a, i) => ({ title: `${a.title} ${i}`, text: a.text }));
    const cases: [string, unknown][] = [
      [`a ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB ordinary text`, { title: 'Big', text: big }],
      ['a 200 kB single token', { title: 'Token', text: `A text with one long token: ${token} and nothing else.` }],
      [`a JSON array of ${count.toLocaleString('en')} articles`, many],
    ];
    // BENCH_HEALTH_CASES=text,token,array chooses the cases (all three by default)
    const chosen = (process.env.BENCH_HEALTH_CASES ?? 'text,token,array').split(',');
    const keys = ['text', 'token', 'array'];
    for (const [name, body] of cases.filter((_, i) => chosen.includes(keys[i]))) {
      let done = false;
      const started = performance.now();
      const importing = call('POST', '/api/articles', body, csrf).then((r) => {
        done = true;
        return r;
      });
      const waits: number[] = [];
      while (!done) {
        waits.push(await health());
        await new Promise((r) => setTimeout(r, 2));
      }
      const r = await importing;
      const seconds = (performance.now() - started) / 1000;
      if (r.status !== 201) throw new Error(`bench: importing ${name} answered ${r.status}`);
      rows.push(
        makeRow(
          // the longest wait too: a freeze of seconds hides under the p99 of a long import's many requests
          `/healthz p99 while importing ${name} (${waits.length} requests, longest ${Math.round(Math.max(...waits))} ms, import ${seconds.toFixed(1)} s)`,
          p99(waits),
          'ms',
          idleP99,
          '/healthz p99 idle, same app and run',
        ),
      );
    }
  } finally {
    server.close();
    await runner.close();
    db.close();
  }
  return rows;
}

/**
 * `retold import` of a folder of real articles (every PolNeAR text, train
 * and dev: about 900), every core against one worker, each a fresh process
 * of the built CLI (`npm run bench` builds it first), as a user runs it.
 */
export function benchFolderImport(): BenchRow[] {
  const sources = ['train', 'dev'].map((split) => join(root, '..', 'shared', 'dev', 'polnear', `${split}.jsonl`));
  const cli = join(root, 'dist', 'src', 'cli.js');
  const missing = [...sources, cli].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    process.stderr.write(`bench: ${missing.join(', ')} absent; folder import skipped\n`);
    return [
      makeRow(
        'retold import of a folder of real articles: skipped (../shared/dev/polnear or the built CLI absent)',
        0,
        '–',
        0,
        '–',
      ),
    ];
  }
  const dir = mkdtempSync(join(tmpdir(), 'retold-bench-folder-'));
  try {
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    const seen = new Set<string>();
    let n = 0;
    for (const source of sources)
      for (const line of readFileSync(source, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { text } = JSON.parse(line) as { text: string };
        if (seen.has(text)) continue;
        seen.add(text);
        writeFileSync(join(folder, `${String(n).padStart(4, '0')}.txt`), text);
        n += 1;
      }
    const run = (workers: number): number => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [cli, 'import', folder], {
        cwd: root,
        env: { ...process.env, RETOLD_DB: join(dir, `w${workers}.sqlite`), RETOLD_WORKERS: String(workers) },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`bench: retold import failed: ${r.stderr}`);
      return (performance.now() - t) / 1000;
    };
    const cores = availableParallelism();
    const one = run(1);
    const pool = run(cores);
    return [
      makeRow(
        `retold import of ${n} PolNeAR texts, ${cores} workers vs 1 (built CLI, process start included)`,
        n / pool,
        'articles/s',
        n / one,
        'one worker, same folder and run',
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = [...(await benchHealthWhileImporting()), ...benchFolderImport()];
  for (const r of rows)
    process.stdout.write(`${r.name}: ${r.value} ${r.unit} vs ${r.baseline} (${r.baselineName}), ratio ${r.ratio}\n`);
}
