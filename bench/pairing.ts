/**
 * Pairing benchmark: cost of pairing one new article as the indexed corpus
 * grows from 1,000 to 10,000 generated articles (should stay flat: the index
 * reads capped posting lists, never all pairs), peak memory, and start-up
 * with the word vectors beside start-up without them. Each figure is a ratio
 * against a baseline measured in the same run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addToIndex, createPairIndex, findPairsFor, type PairIndex } from '../src/pairing/index.js';
import { locateVectorTable, loadVectors } from '../src/vectors/load.js';
import { decodeVectorTable, type WordVectors } from '../src/vectors/table.js';
import { generateCorpus, type GeneratedArticle } from './corpus-gen.js';

/** One benchmark figure. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

/** Sizes of the run; the defaults are the 1,000 → 10,000 of the issue. */
export interface PairingBenchOptions {
  small: number;
  large: number;
  /** articles paired (and timed) at each size */
  probe: number;
}

const row = (name: string, value: number, unit: string, baseline: number): BenchRow => ({
  name,
  value: Math.round(value * 1000) / 1000,
  unit,
  baseline: Math.round(baseline * 1000) / 1000,
  ratio: baseline ? Math.round((value / baseline) * 1000) / 1000 : 0,
});

/** Mean milliseconds to pair and then index one article, over `probe` articles. */
function timeArticles(
  index: PairIndex,
  articles: GeneratedArticle[],
  vectors: WordVectors,
): { ms: number; pairs: number } {
  let pairs = 0;
  const started = performance.now();
  for (const a of articles) {
    pairs += findPairsFor(index, a.quotes, vectors).length;
    addToIndex(index, a.quotes, vectors);
  }
  return { ms: (performance.now() - started) / articles.length, pairs };
}

/** Run the pairing benchmark and return its rows. */
export function runPairingBenchmark(options: Partial<PairingBenchOptions> = {}): BenchRow[] {
  const { small, large, probe } = { small: 1000, large: 10000, probe: 50, ...options };
  const rows: BenchRow[] = [];

  // start-up: the first article paired in a fresh process state, without and with the vector table read
  const first = generateCorpus(1, 99)[0];
  let t = performance.now();
  findPairsFor(createPairIndex(), first.quotes);
  const bare = performance.now() - t;
  t = performance.now();
  const fresh = decodeVectorTable(new Uint8Array(readFileSync(locateVectorTable())));
  findPairsFor(createPairIndex(), first.quotes, fresh);
  const withVectors = performance.now() - t;
  rows.push(row('pairing start-up with vectors vs without', withVectors, 'ms', bare));

  const vectors = loadVectors();
  const corpus = generateCorpus(large + 2 * probe, 7);
  const index = createPairIndex();
  let rssPeak = process.memoryUsage().rss;
  const rssStart = rssPeak;
  const fill = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      addToIndex(index, corpus[i].quotes, vectors);
      if (i % 500 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
  };
  fill(0, small);
  const atSmall = timeArticles(index, corpus.slice(small, small + probe), vectors);
  fill(small + probe, large);
  const atLarge = timeArticles(index, corpus.slice(large, large + probe), vectors);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  rows.push(row(`pairing cost per article at ${large} vs ${small} articles`, atLarge.ms, 'ms/article', atSmall.ms));
  rows.push(
    row(
      `pairs found per article at ${large} vs ${small} articles`,
      atLarge.pairs / probe,
      'pairs/article',
      atSmall.pairs / probe,
    ),
  );
  rows.push(
    row(`peak memory with ${large} articles indexed vs at start`, rssPeak / 2 ** 20, 'MiB', rssStart / 2 ** 20),
  );
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const small = Number(process.argv[2] ?? 1000);
  const large = Number(process.argv[3] ?? 10000);
  console.table(runPairingBenchmark({ small, large }));
}
