/**
 * editorial: suggest spans of editorial or loaded language. Pure.
 *
 * Word lexicons (lemma + POS), multi-word patterns, attribution verbs, sentence
 * adverbs, rhetorical questions and scare quotes each propose spans; this
 * module gives every span its voice, merges neighbours and drops repeats.
 * Sources of the lists: Wikipedia's "Manual of Style/Words to watch" and the
 * lexicon classes of Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013).
 */
import { analyzeText, type Analysis } from '../nlp/index.js';
import { extractQuotes, findMarkedQuotes } from '../quotes/index.js';
import type { WordVectors } from '../vectors/table.js';
import type { QuoteSpan } from '../quotes/quote.js';
import { buildContext, collectCandidates, type Candidate, type EditorialRule } from './candidates.js';
import { createInsideTest } from './context.js';
import { applyModel, pickNearestCategory, type EditorialModel } from './model.js';

export {
  EDITORIAL_CATEGORIES,
  EDITORIAL_CATEGORY_IDS,
  isEditorialCategory,
  type EditorialCategory,
  type EditorialCategoryId,
} from './categories.js';
export { measureDensity, type EditorialDensity } from './density.js';

export type { EditorialModel } from './model.js';
export type { EditorialRule } from './candidates.js';
// the quote spans a span's voice is read from (the one type, from quotes/)
export type { QuoteSpan } from '../quotes/quote.js';

export type Voice = 'writer' | 'quoted';

/** A machine-suggested stretch of editorial language. */
export interface EditorialSpan {
  start: number;
  end: number;
  text: string;
  category: string;
  voice: Voice;
  /** the detector behind the span */
  rule: EditorialRule;
  /** the lexicon file, phrase pattern or verb that matched, for reviewers */
  source: string;
  /** how likely a reviewer agrees, 0 … 1 (present when the model ran) */
  confidence?: number;
}

/** A sentence with the model's bias score: how likely a reader finds it biased. */
export interface SentenceBias {
  start: number;
  end: number;
  bias: number;
}

/** The learnt model and what it needs; without it only the rules run. */
export interface EditorialOptions {
  model?: EditorialModel;
  /** word vectors (src/vectors); the model scores worse without them */
  vectors?: WordVectors;
  /** the lowest confidence of a suggestion kept (default: the model's threshold) */
  minConfidence?: number;
  /** keep every rule-based span whatever its confidence (default false) */
  keepRules?: boolean;
}

/** Editorial spans and, when the model ran, each sentence's bias score. */
export interface EditorialSuggestions {
  spans: EditorialSpan[];
  sentences: SentenceBias[];
}

// When two detectors propose the same stretch, the more specific one names it.
const RULE_RANK: Record<EditorialRule, number> = {
  'scare-quote': 0,
  question: 1,
  attribution: 2,
  'sentence-adverb': 3,
  phrase: 4,
  lexicon: 5,
  model: 6,
};

// Adjacent hits of one category joined only by spaces, commas or "and"/"or"
// read as one stretch ("barbaric and unprovoked", "brazenly trampled").
function mergeNeighbours(text: string, spans: (Candidate & { voice: Voice })[]): (Candidate & { voice: Voice })[] {
  const merged: (Candidate & { voice: Voice })[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.category === s.category &&
      last.voice === s.voice &&
      (last.rule === 'lexicon' || last.rule === 'phrase') &&
      (s.rule === 'lexicon' || s.rule === 'phrase') &&
      s.start >= last.end &&
      /^[\s,]*(?:(?:and|or)\s+)?$/i.test(text.slice(last.end, s.start)) &&
      !text.slice(last.end, s.start).includes('\n')
    ) {
      last.end = Math.max(last.end, s.end);
      last.source = last.source === s.source ? last.source : `${last.source}+${s.source}`;
      continue;
    }
    // the spans are the caller's own copies, so the first of a run takes in its neighbours itself
    merged.push(s);
  }
  return merged;
}

// A span inside another span says nothing new, except inside a rhetorical
// question, which is a whole sentence and may hold loaded words of its own.
// `spans` come sorted by start. Of two spans over the same stretch the one of
// the more specific rule stays (of equal rules, the first).
function dropContained<T extends Candidate>(spans: T[]): T[] {
  const kept: T[] = [];
  // the furthest end among the spans before i that may contain others
  let reach = -Infinity;
  for (let i = 0; i < spans.length; i += 1) {
    const a = spans[i];
    // only a span starting at or before a can hold it: those before i, and those after i with a's start
    let mayBeHeld = reach >= a.end;
    for (let j = i + 1; !mayBeHeld && j < spans.length && spans[j].start === a.start; j += 1)
      mayBeHeld = spans[j].category !== 'rhetorical-question' && spans[j].end >= a.end;
    if (!mayBeHeld || !isHeld(spans, i)) kept.push(a);
    if (a.category !== 'rhetorical-question') reach = Math.max(reach, a.end);
  }
  return kept;
}

function isHeld<T extends Candidate>(spans: T[], i: number): boolean {
  const a = spans[i];
  for (let j = 0; j < spans.length && spans[j].start <= a.start; j += 1) {
    const b = spans[j];
    if (i === j || b.category === 'rhetorical-question' || a.end > b.end) continue;
    const same = b.start === a.start && b.end === a.end;
    if (!same || RULE_RANK[b.rule] < RULE_RANK[a.rule] || (RULE_RANK[b.rule] === RULE_RANK[a.rule] && j < i))
      return true;
  }
  return false;
}

/**
 * Suggest editorial spans in one article text, with sentence bias scores when
 * a model is given. `quotes` are the article's quote spans: words inside a
 * `full` or `partial` quote get voice `quoted`, a `scare` quote becomes a
 * `scare-quotes` span. With no quotes given, quotation marks in the text
 * stand in for them. `analysis` is `analyzeText(text)` when the caller
 * already has it. The rules give the categories and catch what they know; the
 * model gives every span a confidence and adds the words it alone finds, each
 * with the category of the nearest lexicon class; with a model, only
 * suggestions of at least `minConfidence` are kept (the rules' own too,
 * unless `keepRules`).
 */
export function suggestEditorial(
  text: string,
  quotes: QuoteSpan[],
  analysis?: Analysis,
  options: EditorialOptions = {},
): EditorialSuggestions {
  if (typeof text !== 'string') throw new TypeError(`editorial: detectEditorial expects a string, got ${typeof text}`);
  const a = analysis ?? analyzeText(text);
  if (a.text !== text) throw new Error('editorial: the analysis given to detectEditorial is of another text');
  const ctx = buildContext(text, quotes, a);
  const candidates = collectCandidates(ctx);
  const { model } = options;
  const scores = model ? applyModel(model, ctx, candidates, options.vectors) : undefined;
  const found: Candidate[] = [...candidates];
  if (model && scores) {
    const floor = options.minConfidence ?? model.word.threshold;
    const tokens = a.tokens;
    scores.rows.forEach((row, k) => {
      // a word some rule already covers (row.hits) keeps the rule's span and category; the floor
      // is compared with the confidence as shown (three decimals), as the stored suggestions are filtered
      if (Math.round(scores.probs[k] * 1000) / 1000 < floor || row.hits !== null) return;
      const t = tokens[row.token];
      found.push({
        start: t.start,
        end: t.end,
        category: pickNearestCategory(options.vectors, row.vector),
        rule: 'model',
        source: 'model',
      });
    });
  }
  const quoted = createInsideTest(ctx.quoted);
  // fresh objects of one shape (a spread copy made each one a dictionary), merged in place below
  const voiced = found
    .map((c): Candidate & { voice: Voice } => ({
      start: c.start,
      end: c.end,
      category: c.category,
      rule: c.rule,
      source: c.source,
      voice: c.rule !== 'scare-quote' && quoted(c) ? 'quoted' : 'writer',
    }))
    .sort((x, y) => x.start - y.start || y.end - x.end || RULE_RANK[x.rule] - RULE_RANK[y.rule]);
  const spans = dropContained(mergeNeighbours(text, voiced)).map((s): EditorialSpan => ({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    category: s.category,
    voice: s.voice,
    rule: s.rule,
    source: s.source,
  }));
  if (!scores) return { spans, sentences: [] };
  // a span's confidence is that of its most likely word
  let k = 0;
  const { rows, probs } = scores;
  // spans come in order of start (sorted before merging; merging and dropping keep the order)
  for (const span of spans) {
    while (k > 0 && a.tokens[rows[k - 1].token].end > span.start) k -= 1;
    while (k < rows.length && a.tokens[rows[k].token].end <= span.start) k += 1;
    let best = 0;
    for (let j = k; j < rows.length && a.tokens[rows[j].token].start < span.end; j += 1)
      best = Math.max(best, probs[j]);
    span.confidence = Math.round(best * 1000) / 1000;
  }
  const floor = options.minConfidence ?? model!.word.threshold;
  const kept = spans.filter((s) => (s.confidence ?? 0) >= floor || (options.keepRules && s.rule !== 'model'));
  const sentences = a.sentences.map((s, i) => ({
    start: s.start,
    end: s.end,
    bias: Math.round(scores.bias[i] * 1000) / 1000,
  }));
  return { spans: kept, sentences };
}

/** The spans of suggestEditorial alone (see there). */
export function detectEditorial(
  text: string,
  quotes: QuoteSpan[],
  analysis?: Analysis,
  options: EditorialOptions = {},
): EditorialSpan[] {
  return suggestEditorial(text, quotes, analysis, options).spans;
}

/**
 * Tag a bare text for `retold tag --jsonl`: the nlp analysis and the
 * text's quote spans first (readQuoteSpans), then suggestEditorial — the
 * spans as suggestEditorial would get them from extractQuotes. Offsets index
 * `text` as given.
 */
export function tagText(text: string, options: EditorialOptions = {}): EditorialSuggestions {
  if (typeof text !== 'string') throw new TypeError(`editorial: tagText expects a string, got ${typeof text}`);
  const analysis = analyzeText(text);
  return suggestEditorial(text, readQuoteSpans(text, analysis), analysis, options);
}

/**
 * The quote spans detection reads: where quotations lie and their kinds, and
 * whether the text reports anything at all (with no quote given, quotation
 * marks stand in). Marked quotations decide both without attribution; only a
 * text with none is read for indirect speech, whose spans are then the quotes.
 */
function readQuoteSpans(text: string, analysis: Analysis): QuoteSpan[] {
  let marked: QuoteSpan[] | undefined;
  try {
    marked = findMarkedQuotes(text, analysis);
  } catch {
    // extractQuotes keeps the quotation marks when a step fails
  }
  if (marked && marked.length > 0) return marked;
  return extractQuotes(text, analysis).map((q) => ({ start: q.start, end: q.end, kind: q.kind }));
}
