/**
 * Load benchmark: the real server (a child process on 127.0.0.1 with a
 * temporary database holding the samples) under 50 concurrent readers of
 * comparison pages and 10 concurrent writers, driven by autocannon from the
 * same machine; then the same number of readers on `/healthz` of the same
 * server as the baseline. Reports errors, lost writes (acknowledged writes
 * missing from the database afterwards), p50/p99 latency and throughput.
 *
 * Environment: BENCH_LOAD_SECONDS (default 30), BENCH_LOAD_READERS (50),
 * BENCH_LOAD_WRITERS (10), BENCH_LOAD_WRITER = auto | annotations | imports
 * (auto: annotations when the server has `POST /api/annotations`, else imports).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import Database from 'better-sqlite3';
import { logIn, startServerProcess, type Client } from '../test/helpers/server-process.js';
import { formatTable, makeRow, type BenchRow } from './table.js';

/** Size and length of the run. */
export interface LoadOptions {
  seconds: number;
  readers: number;
  writers: number;
  writer: 'auto' | 'annotations' | 'imports';
}

/** The rows and the raw counts behind them. */
export interface LoadReport {
  rows: BenchRow[];
  writer: 'annotations' | 'imports';
  acknowledged: number;
  lost: number;
  errors: number;
}

/** Read the options from the environment. */
export function readLoadOptions(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const writer = env.BENCH_LOAD_WRITER;
  return {
    seconds: num('BENCH_LOAD_SECONDS', 30),
    readers: num('BENCH_LOAD_READERS', 50),
    writers: num('BENCH_LOAD_WRITERS', 10),
    writer: writer === 'annotations' || writer === 'imports' ? writer : 'auto',
  };
}

/** True when the server has the annotations API (an empty body answers 400, a missing route 404). */
async function hasAnnotationsApi(client: Client): Promise<boolean> {
  const res = await client.request('POST', '/api/annotations', {});
  return res.status !== 404;
}

/** The writers' request: each body unique, each acknowledgement recorded with the id it returned. */
function makeWriter(
  kind: 'annotations' | 'imports',
  articles: { id: number; length: number }[],
  runId: string,
  acked: (number | string)[],
) {
  let n = 0;
  return {
    method: 'POST',
    path: kind === 'annotations' ? '/api/annotations' : '/api/articles',
    setupRequest: (req: { body?: string | Buffer }) => {
      n += 1;
      if (kind === 'annotations') {
        const a = articles[n % articles.length];
        const start = n % Math.max(1, a.length - 40);
        req.body = JSON.stringify({ articleId: a.id, start, end: start + 25, note: `load ${runId} note ${n}` });
      } else {
        req.body = JSON.stringify({
          title: `Load ${runId} ${n}`,
          outlet: 'Load Wire',
          text: `The port authority reported record traffic on day ${n} of run ${runId}. "We have never moved so many containers," the director, Ole Berg, said. Unions asked for more staff.`,
        });
      }
      return req;
    },
    onResponse: (status: number, body: string) => {
      if (status < 200 || status >= 300) return;
      try {
        const parsed = JSON.parse(body) as {
          annotation?: { id: number };
          id?: number;
          results?: { article?: { id: number } }[];
        };
        const id = kind === 'annotations' ? (parsed.annotation?.id ?? parsed.id) : parsed.results?.[0]?.article?.id;
        if (id !== undefined) acked.push(id);
      } catch {
        // counted as acknowledged without an id: it will show as lost
        acked.push(-1);
      }
    },
  };
}

/** Acknowledged writes missing from the database. */
function countLost(dbPath: string, kind: 'annotations' | 'imports', acked: (number | string)[]): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    const table = kind === 'annotations' ? 'annotations' : 'articles';
    const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
    return acked.filter((id) => !exists.get(id)).length;
  } finally {
    db.close();
  }
}

const errorsOf = (r: Result) => r.errors + r.timeouts + r.non2xx;

/** Run the load benchmark; it stops by itself after about 2 × seconds plus start-up. */
export async function runLoadBenchmark(options: LoadOptions = readLoadOptions()): Promise<LoadReport> {
  const dir = mkdtempSync(join(tmpdir(), 'retold-load-'));
  const dbPath = join(dir, 'retold.sqlite');
  const server = await startServerProcess({ RETOLD_DB: dbPath });
  // never leave the server behind, even when this process is stopped early
  const killServer = () => server.child.kill('SIGKILL');
  process.once('exit', killServer);
  try {
    const client = await logIn(server.url, 'admin', server.adminPassword!);
    const list = (await client.request('GET', '/api/articles')).body as {
      articles: { id: number; wordCount: number }[];
    };
    const articles: { id: number; length: number }[] = [];
    for (const a of list.articles) {
      const full = (await client.request('GET', `/api/articles/${a.id}`)).body as { article: { text: string } };
      articles.push({ id: a.id, length: full.article.text.length });
    }
    const pairs: string[] = [];
    for (const a of articles) for (const b of articles) if (a.id < b.id) pairs.push(`/compare?a=${a.id}&b=${b.id}`);
    const writer =
      options.writer === 'auto' ? ((await hasAnnotationsApi(client)) ? 'annotations' : 'imports') : options.writer;

    const runId = Date.now().toString(36);
    const acked: (number | string)[] = [];
    let next = 0;
    const readerRun = autocannon({
      url: server.url,
      connections: options.readers,
      duration: options.seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => {
            req.path = pairs[next++ % pairs.length];
            return req;
          },
        },
      ],
    });
    const writerRun = autocannon({
      url: server.url,
      connections: options.writers,
      duration: options.seconds,
      headers: { cookie: client.cookie(), 'x-csrf-token': client.csrf(), 'content-type': 'application/json' },
      requests: [makeWriter(writer, articles, runId, acked)],
    });
    const [readers, writers] = await Promise.all([readerRun, writerRun]);
    const health = await autocannon({
      url: `${server.url}/healthz`,
      connections: options.readers,
      duration: options.seconds,
    });
    const lost = countLost(dbPath, writer, acked);
    const errors = errorsOf(readers) + errorsOf(writers);
    const load = `${options.readers} readers + ${options.writers} ${writer} writers, ${options.seconds} s`;
    const base = `/healthz, ${options.readers} connections alone`;
    const rows: BenchRow[] = [
      makeRow(`load: compare page p50 latency (${load})`, readers.latency.p50, 'ms', health.latency.p50, base),
      makeRow(`load: compare page p99 latency (${load})`, readers.latency.p99, 'ms', health.latency.p99, base),
      makeRow(
        `load: compare page throughput (${load})`,
        readers.requests.average,
        'req/s',
        health.requests.average,
        base,
      ),
      makeRow(`load: ${writer} write p50 latency`, writers.latency.p50, 'ms', health.latency.p50, base),
      makeRow(`load: ${writer} write p99 latency`, writers.latency.p99, 'ms', health.latency.p99, base),
      makeRow(`load: ${writer} writes acknowledged`, acked.length / writers.duration, 'writes/s', 0, '–'),
      makeRow(
        'load: errors (connection errors, timeouts, non-2xx)',
        errors,
        'requests',
        readers.requests.total + writers.requests.total,
        'requests sent',
      ),
      makeRow(
        'load: lost writes (acknowledged, missing afterwards)',
        lost,
        'writes',
        acked.length,
        'writes acknowledged',
      ),
    ];
    return { rows, writer, acknowledged: acked.length, lost, errors };
  } finally {
    await server.stop();
    process.removeListener('exit', killServer);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = readLoadOptions();
  // a hard stop in case anything hangs: the run takes about 2 × seconds plus start-up
  const guard = setTimeout(
    () => {
      console.error('bench:load: did not finish in time; stopping');
      process.exit(1);
    },
    (options.seconds * 2 + 180) * 1000,
  );
  guard.unref();
  runLoadBenchmark(options).then(
    (report) => {
      console.log(formatTable(report.rows));
      console.log(
        `writer: ${report.writer}; acknowledged ${report.acknowledged}, lost ${report.lost}, errors ${report.errors}`,
      );
      process.exitCode = report.lost > 0 || report.errors > 0 ? 1 : 0;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
