/**
 * The pairing decision's training and evaluation data, shared by
 * scripts/train-pairing.ts and `npm run eval`: msrp/train from ../shared/dev
 * (when present) and our own tables in test/fixtures/pairing/, each pair
 * measured by the same pure functions the app runs (pairing/pair-features.ts),
 * with seeded folds, the metrics, and the word-overlap (Jaccard) baseline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  matchSpeakers,
  measureQuotes,
  prepareQuote,
  readQuoteClause,
  type QuoteFeatures,
  type Alteration,
  type SpeakerMatch,
  type WordVectors,
} from '../../src/pairing/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const msrpPath = resolve(root, '..', 'shared', 'dev', 'msrp', 'train.jsonl');
const fixtures = resolve(root, 'test', 'fixtures', 'pairing');

/**
 * Where a pair comes from. `candidates` are made for fitting only (never
 * reported as figures): what a corpus offers as candidates besides retellings.
 */
export type PairSource = 'msrp' | 'statements' | 'misquotes' | 'candidates';

/** One labelled pair, measured. */
export interface MeasuredPair {
  id: string;
  source: PairSource;
  a: string;
  b: string;
  /** the label: same statement (for msrp: a paraphrase) */
  same: boolean;
  /** misquote table: the kind of row and the alterations it must list */
  kind?: string;
  expected?: Alteration[];
  /** features, or null when the cheap bound rules the pair out */
  x: number[] | null;
  alterations: Alteration[];
  /** word-overlap (Jaccard) of the lower-case word sets, the baseline */
  jaccard: number;
}

interface TableRow {
  id: string;
  same: boolean;
  a: string;
  b: string;
  kind?: string;
  speakerA?: string | null;
  speakerB?: string | null;
  altered?: Alteration[];
  /** misquote table: the later version's sentence, holding `b` */
  later?: string;
}

/** Read a table of test/fixtures/pairing. */
export function readTable(name: string): TableRow[] {
  return (JSON.parse(readFileSync(resolve(fixtures, name), 'utf8')) as { pairs: TableRow[] }).pairs;
}

/**
 * The later quote of a table row, prepared as the app prepares a stored
 * quote: with the clause of its sentence (`later`) around it when given.
 */
export function prepareLater(r: TableRow, vectors: WordVectors | undefined): QuoteFeatures {
  const f = prepareQuote(r.b, vectors);
  if (r.later === undefined) return f;
  const start = r.later.indexOf(r.b);
  if (start < 0) throw new Error(`pairing table: row ${r.id}: b is not in its later sentence`);
  const clause = readQuoteClause(r.later, 0, r.later.length, start, start + r.b.length);
  if (clause) f.clause = clause;
  return f;
}

/**
 * The rows of a table the decision is fitted and cross-validated on: rows with
 * a later sentence test the rule on that sentence (pairing/context-change.ts),
 * not the decision, and are left out.
 */
export function readFittedRows(name: string): TableRow[] {
  return readTable(name).filter((r) => r.later === undefined);
}

/** Read msrp/train, or null when ../shared/dev is absent. */
export function readMsrp(): TableRow[] | null {
  if (!existsSync(msrpPath)) return null;
  return readFileSync(msrpPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TableRow);
}

const wordSet = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Jaccard overlap of two texts' word sets. */
export function computeJaccard(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common += 1;
  const union = x.size + y.size - common;
  return union ? common / union : 0;
}

/** Measure table rows; `speakers` says how to read their speakers. */
export function measureRows(
  rows: TableRow[],
  source: PairSource,
  vectors: WordVectors,
  speakers: (r: TableRow) => SpeakerMatch,
): MeasuredPair[] {
  return rows.map((r) => {
    const m = measureQuotes(prepareQuote(r.a, vectors), prepareQuote(r.b, vectors), speakers(r));
    return {
      id: r.id,
      source,
      a: r.a,
      b: r.b,
      same: r.same,
      kind: r.kind,
      expected: r.altered,
      x: m?.features ?? null,
      alterations: m?.alterations ?? [],
      jaccard: computeJaccard(r.a, r.b),
    };
  });
}

/**
 * Our own tables, measured: the statement table (speakers as written) and the
 * misquote table (its speakers are not given: read as unknown, so the model
 * does not learn the speaker from a table whose rows share one).
 */
export function measureOwnTables(vectors: WordVectors): MeasuredPair[] {
  return [
    ...measureRows(readTable('statement-pairs.json'), 'statements', vectors, (r) =>
      matchSpeakers(r.speakerA, r.speakerB),
    ),
    ...measureRows(readFittedRows('misquotes.json'), 'misquotes', vectors, () => 'unknown'),
  ];
}

/** A contiguous run of 3 to 7 words of a sentence, seeded: what a partial quote or scare quote holds. */
function pickFragment(text: string, random: () => number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const n = Math.min(words.length, 3 + Math.floor(random() * 5));
  const start = Math.floor(random() * (words.length - n + 1));
  return words
    .slice(start, start + n)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Candidate rows, seeded, for fitting only: a corpus offers as candidates
 * sentences on the same topic that make another claim, and fragments of
 * other sentences; msrp holds only pairs about one event. For each msrp pair,
 * its first sentence against the most word-sharing second sentence of 40
 * other pairs drawn at random (a different statement; near-copies, Jaccard
 * above 0.5, are skipped), and every fourth pair a fragment of its first
 * sentence against that sentence (trimmed: the same statement) and against
 * the other pair's sentence (not), half of them said by one speaker. And from
 * our own tables, the longer quote of a row against the shorter quote of
 * three other rows that share few words with it: one speaker's other claims.
 */
export function measureCandidates(vectors: WordVectors, seed: number): MeasuredPair[] {
  const rows = readMsrp();
  if (!rows) return [];
  const random = seededRandom(seed);
  const made: (TableRow & { speaker: SpeakerMatch })[] = [];
  rows.forEach((r, i) => {
    let best = { j: -1, jaccard: -1 };
    for (let k = 0; k < 40; k += 1) {
      const j = Math.floor(random() * rows.length);
      const jac = computeJaccard(r.a, rows[j].b);
      if (j !== i && jac <= 0.5 && jac > best.jaccard) best = { j, jaccard: jac };
    }
    if (best.j < 0) return;
    made.push({ id: `c${i}`, same: false, a: r.a, b: rows[best.j].b, speaker: 'unknown' });
    if (i % 4 === 0) {
      const fragment = pickFragment(r.a, random);
      const speaker: SpeakerMatch = random() < 0.5 ? 'same' : 'unknown';
      made.push({ id: `c${i}-in`, same: true, a: r.a, b: fragment, speaker });
      made.push({ id: `c${i}-out`, same: false, a: rows[best.j].b, b: fragment, speaker });
    }
  });
  const own = [...readFittedRows('statement-pairs.json'), ...readFittedRows('misquotes.json')];
  own.forEach((r, i) => {
    const long = r.a.length >= r.b.length ? r.a : r.b;
    for (let k = 0, tries = 0; k < 3 && tries < 30; tries += 1) {
      const o = own[Math.floor(random() * own.length)];
      const short = o.a.length < o.b.length ? o.a : o.b;
      if (o === r || computeJaccard(long, short) >= 0.3 || short.length >= long.length) continue;
      made.push({ id: `o${i}-${k}`, same: false, a: long, b: short, speaker: 'same' });
      k += 1;
    }
  });
  return made.map((r) => measureRows([r], 'candidates', vectors, () => r.speaker)[0]);
}

/** msrp/train measured (speakers unknown), or null when absent. */
export function measureMsrp(vectors: WordVectors): MeasuredPair[] | null {
  const rows = readMsrp();
  return rows && measureRows(rows, 'msrp', vectors, () => 'unknown');
}

/** Seeded pseudo-random numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number of each item: a seeded shuffle dealt round-robin into k folds. */
export function assignFolds(n: number, k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Array<number>(n);
  order.forEach((item, pos) => (fold[item] = pos % k));
  return fold;
}

/** Accuracy, precision, recall and F1 of decisions against labels. */
export function scoreDecisions(
  decided: boolean[],
  labels: boolean[],
): { accuracy: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  decided.forEach((d, i) => {
    if (d === labels[i]) right += 1;
    if (d && labels[i]) tp += 1;
    else if (d) fp += 1;
    else if (labels[i]) fn += 1;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    accuracy: labels.length ? right / labels.length : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). */
export function computeAuc(scores: number[], labels: boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((x, y) => x[0] - y[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j += 1;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k += 1) {
      if (order[k][1]) {
        rankSum += rank;
        positives += 1;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  return positives && negatives ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : 0;
}

/** The threshold on `scores` that maximizes accuracy (midpoints between distinct scores; `decide` may veto). */
export function tuneThreshold(
  scores: number[],
  labels: boolean[],
  decide: (score: number, i: number) => boolean = () => true,
): number {
  const distinct = [...new Set(scores)].sort((x, y) => x - y);
  let best = { t: 0.5, right: -1 };
  const candidates = distinct.map((s, i) => (i + 1 < distinct.length ? (s + distinct[i + 1]) / 2 : s + 1e-6));
  // at most 200 candidate cuts: quantiles are enough for a threshold
  const step = Math.max(1, Math.floor(candidates.length / 200));
  for (let c = 0; c < candidates.length; c += step) {
    const t = candidates[c];
    let right = 0;
    scores.forEach((s, i) => {
      if ((s >= t && decide(s, i)) === labels[i]) right += 1;
    });
    if (right > best.right) best = { t, right };
  }
  return best.t;
}
