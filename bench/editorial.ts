/**
 * Editorial tagging benchmark: words per second through tagText (nlp analysis,
 * quote extraction, the rules and the trained model) and through detectEditorial alone (analysis
 * and quotes given), each beside wink-nlp's bare readDoc on the same texts in
 * the same run, so the ratio says what the tagger costs on top of tokenizing
 * whatever the machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectEditorial, tagText } from '../src/editorial/index.js';
import { withTrainedModel } from '../src/editorial/trained-model.js';
import { loadVectors } from '../src/vectors/load.js';
import { analyzeText, readBare } from '../src/nlp/index.js';
import { extractQuotes } from '../src/quotes/index.js';
import { makeRow, type BenchRow } from './table.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Options of the editorial benchmark. */
export interface EditorialBenchOptions {
  /** about how many words the generated corpus holds */
  words: number;
  /** rounds of the three passes (bare, tagged, detection alone); the round with the median ratio counts */
  rounds: number;
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * The sample articles repeated until the corpus holds about `words` words.
 * Each copy is one document, as an article would be tagged.
 */
export function generateTaggingCorpus(words: number): { texts: string[]; words: number } {
  const dir = join(root, 'data', 'samples');
  const samples = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  if (samples.length === 0) throw new Error('bench: no sample articles in data/samples');
  const texts: string[] = [];
  let total = 0;
  while (total < words) {
    const text = samples[texts.length % samples.length];
    texts.push(text);
    total += countWords(text);
  }
  return { texts, words: total };
}

/** Seconds to run fn over every text. */
function time(texts: string[], fn: (text: string) => unknown): number {
  const started = performance.now();
  for (const t of texts) fn(t);
  return (performance.now() - started) / 1000;
}

/** Run the editorial benchmark and return its rows. */
export async function benchEditorial(options: Partial<EditorialBenchOptions> = {}): Promise<BenchRow[]> {
  const { words, rounds } = { words: 200_000, rounds: 9, ...options };
  const corpus = generateTaggingCorpus(words);
  // what `retold tag` runs: the rules and the trained model (vectors read before any clock)
  const model = withTrainedModel(loadVectors());
  const tagOne = (text: string) => tagText(text, model);
  // warm up wink, the lexicons and the JIT on one article before any clock runs
  for (const t of corpus.texts.slice(0, 5)) {
    readBare(t);
    tagOne(t);
  }
  // detection alone: the analysis and quotes are made outside the clock
  const prepared = corpus.texts.map((text) => {
    const analysis = analyzeText(text);
    return {
      text,
      analysis,
      quotes: extractQuotes(text, analysis).map((q) => ({ start: q.start, end: q.end, kind: q.kind })),
    };
  });
  const detect = () => {
    for (const p of prepared) detectEditorial(p.text, p.quotes, p.analysis, model);
  };
  // bare, tagged and detection passes in turns; each round's figures are compared with the bare pass next to them,
  // and the round with the median ratio counts: on a shared virtual machine one pass swings by half, the
  // medians of each side taken apart gave ratios from 0.42 to 0.70 in three runs of the same code
  const passes: { bare: number; tag: number; detect: number }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const bare = time(corpus.texts, readBare);
    const tag = time(corpus.texts, tagOne);
    const started = performance.now();
    detect();
    passes.push({ bare, tag, detect: (performance.now() - started) / 1000 });
  }
  const medianBy = (key: 'tag' | 'detect') =>
    passes.slice().sort((x, y) => x.bare / x[key] - y.bare / y[key])[Math.floor(passes.length / 2)];
  const tagRound = medianBy('tag');
  const detectRound = medianBy('detect');
  const baselineName = 'wink readDoc alone, same texts';
  return [
    makeRow(
      `editorial tagging, tagText (${corpus.words.toLocaleString('en')} words, median of ${rounds} paired rounds)`,
      corpus.words / tagRound.tag,
      'words/s',
      corpus.words / tagRound.bare,
      baselineName,
    ),
    makeRow(
      'editorial detection alone, analysis and quotes given',
      corpus.words / detectRound.detect,
      'words/s',
      corpus.words / detectRound.bare,
      baselineName,
    ),
  ];
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (invokedDirectly) {
  for (const r of await benchEditorial())
    console.log(`${r.name}: ${r.value} ${r.unit} (baseline ${r.baseline}, ratio ${r.ratio})`);
}
