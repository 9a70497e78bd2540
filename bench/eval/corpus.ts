/**
 * Shared set-up of the evaluation: the sample corpus from data/samples, run
 * through the same in-memory pipeline as `retold analyze`, and the reference
 * annotations from ../shared/gold/seed-gold.json when that file exists.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCorpus, type AnalyzeOutput, type AnalyzedArticle } from '../../src/analysis/index.js';
import { loadVectors } from '../../src/vectors/load.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const goldPath = resolve(root, '..', 'shared', 'gold', 'seed-gold.json');

/** The reference file's shape (only the parts the evaluation reads). */
export interface Gold {
  articles: {
    key: string;
    file: string;
    outlet: string | null;
    published: string | null;
    author: string | null;
    title: string | null;
  }[];
  quotes: {
    id: string;
    article: string;
    speaker: string | null;
    speaker_aliases?: string[];
    kind: string;
    text: string;
    start: number;
    end: number;
  }[];
  pairs: { a: string; b: string; relation: string }[];
  not_quotes: { article: string; text: string; why: string }[];
  editorial: {
    article: string;
    text: string;
    category: string;
    strength: string;
    voice: string;
    start: number;
    end: number;
  }[];
  editorial_categories: Record<string, string>;
}

/** Everything an evaluation needs, computed once. */
export interface EvalContext {
  gold: Gold;
  /** article key ("000") → index into output.articles */
  index: Map<string, number>;
  raw: Map<string, string>;
  items: AnalyzedArticle[];
  output: AnalyzeOutput;
}

let cached: EvalContext | null | undefined;

/** Load the gold file and analyse the samples; null when the gold file is absent. */
export function loadEvalContext(): EvalContext | null {
  if (cached !== undefined) return cached;
  if (!existsSync(goldPath)) return (cached = null);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const dir = join(root, 'data', 'samples');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const raw = new Map<string, string>();
  const inputs = files.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    raw.set(file.slice(0, 3), text);
    return { file, input: { text } };
  });
  const { items, output } = analyzeCorpus(inputs, loadVectors());
  const index = new Map(files.map((f, i) => [f.slice(0, 3), i]));
  return (cached = { gold, index, raw, items, output });
}

/**
 * Locate a gold span (offsets into the raw file) in the normalized text of our
 * analysis: the occurrence of its text nearest to the same relative position.
 * Returns null when normalization or furniture removal lost the text.
 */
export function locateGoldSpan(
  ctx: EvalContext,
  articleKey: string,
  span: { text: string; start: number },
): { start: number; end: number } | null {
  const i = ctx.index.get(articleKey);
  if (i === undefined) return null;
  const text = ctx.output.articles[i].text;
  const rawLen = ctx.raw.get(articleKey)?.length ?? text.length;
  const needle = span.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const expected = (span.start / rawLen) * text.length;
  let best: number | null = null;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best === null || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best === null ? null : { start: best, end: best + needle.length };
}

/** Overlap rule of the evaluation: spans overlap by at least half of the shorter. */
export function overlapsEnough(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter > 0 && overlap >= shorter / 2;
}

/** Precision/recall/F1 from counts. */
export function scoreCounts(
  tp: number,
  predicted: number,
  expected: number,
): { precision: number; recall: number; f1: number } {
  const precision = predicted ? tp / predicted : 0;
  const recall = expected ? tp / expected : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
