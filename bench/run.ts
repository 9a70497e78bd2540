/**
 * `npm run bench`: every benchmark in one Markdown table (printed, and written
 * to bench/RESULTS.md), each figure beside a baseline measured in the same run.
 *
 * Environment: BENCH_IMPORT_ARTICLES (default 200), BENCH_EXTRACT_ARTICLES
 * (1000), BENCH_PAIRING_LARGE (10000), BENCH_RENDER_REPEAT (30), and
 * BENCH_LOAD=1 to include the load run of bench/load.ts (see its own options).
 * Each step runs in a process of its own (`--step NAME --out FILE`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { importArticle } from '../src/corpus/articles.js';
import { openDatabase } from '../src/db.js';
import { readBare } from '../src/nlp/index.js';
import { extractQuotes } from '../src/quotes/index.js';
import { generateArticleTexts, generateRetoldPair, type ArticleText } from './article-gen.js';
import { benchEditorial } from './editorial.js';
import { readLoadOptions, runLoadBenchmark } from './load.js';
import { runPairingBenchmark } from './pairing.js';
import { benchRealImport } from './real-import.js';
import { benchFolderImport, benchHealthWhileImporting } from './responsiveness.js';
import { describeMachine, formatTable, makeRow, type BenchRow } from './table.js';

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** Seconds to run fn over every text. */
function timeAll<T>(items: T[], fn: (item: T) => unknown): number {
  const started = performance.now();
  for (const item of items) fn(item);
  return (performance.now() - started) / 1000;
}

const bareName = 'wink readDoc alone, same texts';

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Import (prepare, analyse, pair, store) into an in-memory database, beside bare wink over the same texts. */
function benchImport(count: number): BenchRow[] {
  const articles = generateArticleTexts(count, 11);
  const db = openDatabase(':memory:');
  importArticle(db, { ...generateArticleTexts(1, 99)[0], format: 'txt' }); // warm-up outside the clock
  // bare wink warmed up and timed over three passes, the median counting: one cold pass swung the ratio by half
  for (const a of articles.slice(0, 50)) readBare(a.text);
  const bare = median([0, 1, 2].map(() => timeAll(articles, (a) => readBare(a.text))));
  const imported = timeAll(articles, (a: ArticleText) => importArticle(db, { ...a, format: 'txt' }));
  const pairs = (db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n;
  db.close();
  return [
    makeRow(
      `import + extraction + pairing into SQLite (${count} generated articles, ${pairs} pairs found)`,
      count / imported,
      'articles/s',
      count / bare,
      bareName,
    ),
  ];
}

/** Quote extraction (analysis included) over generated articles, beside bare wink. */
function benchExtraction(count: number): BenchRow[] {
  const articles = generateArticleTexts(count, 23).map((a) => a.text);
  // warm both sides up (JIT, caches) so the figures are steady-state throughput
  for (const t of articles.slice(0, 50)) {
    extractQuotes(t);
    readBare(t);
  }
  let tokens = 0;
  const bare = timeAll(articles, (t) => (tokens += readBare(t)));
  let quotes = 0;
  const extracted = timeAll(articles, (t) => (quotes += extractQuotes(t).length));
  return [
    makeRow(
      `quote extraction (${count} articles, ${quotes} quotes)`,
      count / extracted,
      'articles/s',
      count / bare,
      bareName,
    ),
    makeRow(
      `quote extraction (${tokens.toLocaleString('en')} tokens)`,
      tokens / extracted,
      'tokens/s',
      tokens / bare,
      bareName,
    ),
  ];
}

/** The pairing engine's own scaling benchmark, with names for its baselines. */
function benchPairing(large: number): BenchRow[] {
  const small = Math.max(100, Math.round(large / 10));
  return runPairingBenchmark({ small, large }).map((r) =>
    makeRow(r.name, r.value, r.unit, r.baseline, /\bvs (.+)$/.exec(r.name)?.[1] ?? 'see bench/pairing.ts'),
  );
}

/** Median and 99th percentile of sorted timings. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Comparison page of two ~2,000-word retellings through the real app, beside /healthz of the same app. */
async function benchComparePage(repeat: number): Promise<BenchRow[]> {
  const db = openDatabase(':memory:');
  const [a, b] = generateRetoldPair(2000);
  const ida = importArticle(db, { ...a, format: 'txt' });
  const idb = importArticle(db, { ...b, format: 'txt' });
  if (ida.status !== 'imported' || idb.status !== 'imported')
    throw new Error('bench: the comparison articles did not import');
  const pairs = (db.prepare('SELECT count(*) AS n FROM pairs').get() as { n: number }).n;
  const app = createApp({ db, config: { ...loadConfig({}), dbPath: ':memory:', loadSamples: false } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const time = async (path: string): Promise<number[]> => {
    await (await fetch(base + path)).text(); // warm-up
    const out: number[] = [];
    for (let i = 0; i < repeat; i += 1) {
      const t = performance.now();
      const res = await fetch(base + path);
      await res.text();
      if (res.status !== 200) throw new Error(`bench: ${path} answered ${res.status}`);
      out.push(performance.now() - t);
    }
    return out.sort((x, y) => x - y);
  };
  try {
    const page = await time(`/compare?a=${ida.article.id}&b=${idb.article.id}`);
    const health = await time('/healthz');
    const words = `${ida.article.wordCount} + ${idb.article.wordCount} words, ${pairs} pairs`;
    return [
      makeRow(
        `comparison page render, p50 (${words})`,
        percentile(page, 50),
        'ms',
        percentile(health, 50),
        '/healthz p50, same app and run',
      ),
      makeRow(
        `comparison page render, p99 (${repeat} requests)`,
        percentile(page, 99),
        'ms',
        percentile(health, 99),
        '/healthz p99, same app and run',
      ),
    ];
  } finally {
    server.close();
    db.close();
  }
}

/** The benchmark steps, in the order they run. */
const steps: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  import: () => benchImport(env('BENCH_IMPORT_ARTICLES', 200)),
  'import of real news': () => benchRealImport(),
  'quote extraction': () => benchExtraction(env('BENCH_EXTRACT_ARTICLES', 1000)),
  'pairing scaling': () => benchPairing(env('BENCH_PAIRING_LARGE', 10_000)),
  'comparison page': () => benchComparePage(env('BENCH_RENDER_REPEAT', 30)),
  'editorial tagging': () => benchEditorial(),
  '/healthz while importing': () => benchHealthWhileImporting(),
  'folder import, pool vs one worker': () => benchFolderImport(),
  load: async () => (await runLoadBenchmark(readLoadOptions())).rows,
};

const self = fileURLToPath(import.meta.url);

/**
 * Run one step in a process of its own and return its rows. A step run after
 * others in the same process inherits their heap and compiled code: after the
 * pairing step's 10,000 indexed articles, editorial detection ran at half the
 * speed it has alone, while its baseline barely moved. A fresh process per step
 * keeps each figure and its baseline together and away from the other steps.
 */
function runStep(name: string): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'retold-bench-step-'));
  const out = join(dir, 'rows.json');
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--step', name, '--out', out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`bench: the step "${name}" failed (exit ${r.status ?? r.signal})`);
    return JSON.parse(readFileSync(out, 'utf8')) as BenchRow[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run every benchmark in turn, each in its own process, printing progress on stderr. */
export function runAll(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const name of Object.keys(steps)) {
    if (name === 'load' && process.env.BENCH_LOAD !== '1') {
      rows.push(
        makeRow(
          'load (50 readers + 10 writers against the server): not run; BENCH_LOAD=1 npm run bench, or npm run bench:load',
          0,
          '–',
          0,
          '–',
        ),
      );
      continue;
    }
    const t = performance.now();
    process.stderr.write(`bench: ${name}…`);
    rows.push(...runStep(name));
    process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  return rows;
}

/** `--step NAME --out FILE`: run that step alone and write its rows to FILE. */
async function runOneStep(args: string[]): Promise<void> {
  const name = args[args.indexOf('--step') + 1];
  const out = args[args.indexOf('--out') + 1];
  const step = steps[name];
  if (!step || !out) throw new Error(`bench: no step "${name}"`);
  writeFileSync(out, JSON.stringify(await step()));
}

if (process.argv[1] === self && process.argv.includes('--step')) {
  await runOneStep(process.argv);
  // a step's servers, pools and timers must not keep its process alive once its rows are written
  process.exit(0);
} else if (process.argv[1] === self) {
  const rows = runAll();
  const machine = describeMachine();
  const table = formatTable(rows, machine);
  process.stdout.write(table);
  const out = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
  writeFileSync(
    out,
    `# Benchmark results\n\nThe latest \`npm run bench\` (${new Date().toISOString().slice(0, 10)}). Ratios compare each figure with a baseline measured in the same run.\n\n${table}`,
  );
  process.stderr.write(`bench: wrote ${out}\n`);
}
