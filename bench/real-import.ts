/**
 * Import of real news: the PolNeAR dev articles (../shared/dev/polnear,
 * seven outlets covering one campaign, so pairing has real cross-outlet
 * candidates) imported one after another into an in-memory database in this
 * thread — prepare, analyse, extract, pair, store — beside bare wink readDoc
 * over the same texts in the same run (issue 14 asks for at least 0.35 of it).
 * A second row times the analysis alone — preparation and analysis, the work
 * an import does before it pairs and stores — over the same texts: the most
 * the import could reach if pairing and storing cost nothing.
 * Skipped with a row saying so when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeForStore } from '../src/corpus/analysis.js';
import { importArticle } from '../src/corpus/articles.js';
import { prepareArticle } from '../src/ingest/index.js';
import { openDatabase } from '../src/db.js';
import { readBare } from '../src/nlp/index.js';
import { makeRow, type BenchRow } from './table.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'shared', 'dev', 'polnear', 'dev.jsonl');

/** The distinct PolNeAR dev texts with their outlet, or null when absent. */
function readArticles(): { text: string; outlet: string }[] | null {
  if (!existsSync(source)) return null;
  const seen = new Set<string>();
  const out: { text: string; outlet: string }[] = [];
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text, publisher } = JSON.parse(line) as { text: string; publisher: string };
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, outlet: publisher });
  }
  return out;
}

/** Seconds to run fn over every item. */
function timeAll<T>(items: T[], fn: (item: T) => unknown): number {
  const started = performance.now();
  for (const item of items) fn(item);
  return (performance.now() - started) / 1000;
}

/** Articles/s of a real-news import, beside bare readDoc over the same texts. */
export function benchRealImport(): BenchRow[] {
  const articles = readArticles();
  if (!articles) {
    process.stderr.write(`bench: ${source} is absent; real-news import skipped\n`);
    return [makeRow('import of real news: skipped (../shared/dev/polnear/dev.jsonl absent)', 0, '–', 0, '–')];
  }
  // warm both sides up outside the clock (JIT, the model, the vector table) on a throw-away database
  const warm = openDatabase(':memory:');
  for (const a of articles.slice(0, 3)) {
    readBare(a.text);
    importArticle(warm, { text: a.text, outlet: a.outlet, format: 'txt' });
  }
  warm.close();
  const bare = timeAll(articles, (a) => readBare(a.text));
  const analysed = timeAll(articles, (a) =>
    analyzeForStore(prepareArticle({ text: a.text, outlet: a.outlet, format: 'txt' }).text),
  );
  const db = openDatabase(':memory:');
  const imported = timeAll(articles, (a) => importArticle(db, { text: a.text, outlet: a.outlet, format: 'txt' }));
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const quotes = count('SELECT count(*) AS n FROM quotes');
  const pairs = count('SELECT count(*) AS n FROM pairs');
  db.close();
  return [
    makeRow(
      `import of real news, one thread (${articles.length} PolNeAR dev articles, ${quotes} quotes, ${pairs} pairs)`,
      articles.length / imported,
      'articles/s',
      articles.length / bare,
      'wink readDoc alone, same texts',
    ),
    makeRow(
      `real news analysed alone, nothing paired or stored (${articles.length} PolNeAR dev articles): the import's ceiling`,
      articles.length / analysed,
      'articles/s',
      articles.length / bare,
      'wink readDoc alone, same texts',
    ),
  ];
}
