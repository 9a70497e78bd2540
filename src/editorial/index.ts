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
import { extractQuotes } from '../quotes/index.js';
import { findAttributionHits } from './attribution.js';
import type { EditorialCategoryId } from './categories.js';
import { indexSentences, isInside, type DetectContext, type Range } from './context.js';
import { findLexiconHits } from './lexicon.js';
import { findPhraseHits } from './phrases.js';
import { findQuotationRegions } from './quotation-marks.js';
import { findQuestionHits } from './questions.js';
import { pickScareRegions } from './scare-quotes.js';
import { findAdverbHits } from './sentence-adverbs.js';

export { EDITORIAL_CATEGORIES, EDITORIAL_CATEGORY_IDS, isEditorialCategory, type EditorialCategory, type EditorialCategoryId } from './categories.js';
export { measureDensity, type EditorialDensity } from './density.js';

export type Voice = 'writer' | 'quoted';

/** Which detector proposed a span. */
export type EditorialRule = 'lexicon' | 'phrase' | 'attribution' | 'sentence-adverb' | 'question' | 'scare-quote';

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
}

/** The quote spans of the article, so a span can be given its voice. */
export interface QuoteSpan {
  start: number;
  end: number;
  kind: string;
}

interface Candidate {
  start: number;
  end: number;
  category: EditorialCategoryId;
  rule: EditorialRule;
  source: string;
}

// When two detectors propose the same stretch, the more specific one names it.
const RULE_RANK: Record<EditorialRule, number> = { 'scare-quote': 0, question: 1, attribution: 2, 'sentence-adverb': 3, phrase: 4, lexicon: 5 };

function buildContext(text: string, quotes: QuoteSpan[], analysis: Analysis): DetectContext {
  const { sentenceStarts } = indexSentences(analysis);
  const regions = findQuotationRegions(text);
  const given = quotes.filter((q) => q.kind === 'full' || q.kind === 'partial');
  // With no quotations given, the marks alone decide which short quotations
  // are scare quotes; with quotations given, the extractor has decided.
  const scare: Range[] = quotes.length > 0 ? quotes.filter((q) => q.kind === 'scare') : pickScareRegions(text, analysis, regions);
  const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
  // Words between quotation marks are someone else's even when the extractor
  // missed that quotation (a headline, a slogan), so longer marked stretches
  // count as quoted too; with no quotations given, every non-scare one does.
  const marked = regions.filter((r) => (r.words >= 3 || quotes.length === 0) && !scare.some((s) => overlaps(s, r)));
  return { text, analysis, sentenceStarts, quoted: [...given, ...marked], scare };
}

// Widen a scare-quote span to take in the quotation marks (and a comma inside
// them) right next to it, so the reviewer sees the marks that do the work.
function widenToMarks(text: string, r: Range): Range {
  let { start, end } = r;
  while (start > 0 && /["“‘]/.test(text[start - 1])) start -= 1;
  while (end < text.length && /[,.]?["”’]/.test(text.slice(end, end + 2)) && /[,."”’]/.test(text[end])) end += 1;
  return { start, end };
}

function collectCandidates(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  for (const h of findLexiconHits(ctx)) out.push({ start: h.start, end: h.end, category: h.category, rule: 'lexicon', source: h.lexicon });
  for (const h of findPhraseHits(ctx)) out.push({ start: h.start, end: h.end, category: h.category, rule: 'phrase', source: h.pattern });
  for (const h of findAttributionHits(ctx)) out.push({ start: h.start, end: h.end, category: 'attribution-verb', rule: 'attribution', source: h.verb });
  for (const h of findAdverbHits(ctx)) out.push({ start: h.start, end: h.end, category: 'editorial-comment', rule: 'sentence-adverb', source: h.phrase });
  for (const h of findQuestionHits(ctx)) out.push({ start: h.start, end: h.end, category: 'rhetorical-question', rule: 'question', source: 'question' });
  for (const r of ctx.scare) {
    const w = widenToMarks(ctx.text, r);
    out.push({ start: w.start, end: w.end, category: 'scare-quotes', rule: 'scare-quote', source: 'quotation' });
  }
  return out;
}

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
    merged.push({ ...s });
  }
  return merged;
}

// A span inside another span says nothing new, except inside a rhetorical
// question, which is a whole sentence and may hold loaded words of its own.
function dropContained<T extends Candidate>(spans: T[]): T[] {
  return spans.filter((a, i) =>
    !spans.some((b, j) => {
      if (i === j || b.category === 'rhetorical-question') return false;
      if (!(b.start <= a.start && a.end <= b.end)) return false;
      const same = b.start === a.start && b.end === a.end;
      return !same || RULE_RANK[b.rule] < RULE_RANK[a.rule] || (RULE_RANK[b.rule] === RULE_RANK[a.rule] && j < i);
    }),
  );
}

/**
 * Detect editorial spans in one article text. `quotes` are the article's quote
 * spans: words inside a `full` or `partial` quote get voice `quoted`, a `scare`
 * quote becomes a `scare-quotes` span. With no quotes given, quotation marks
 * in the text stand in for them. `analysis` is `analyzeText(text)` when the
 * caller already has it.
 */
export function detectEditorial(text: string, quotes: QuoteSpan[], analysis?: Analysis): EditorialSpan[] {
  if (typeof text !== 'string') throw new TypeError(`editorial: detectEditorial expects a string, got ${typeof text}`);
  const a = analysis ?? analyzeText(text);
  if (a.text !== text) throw new Error('editorial: the analysis given to detectEditorial is of another text');
  const ctx = buildContext(text, quotes, a);
  const voiced = collectCandidates(ctx)
    .map((c) => ({ ...c, voice: (c.rule !== 'scare-quote' && isInside(c, ctx.quoted) ? 'quoted' : 'writer') as Voice }))
    .sort((x, y) => x.start - y.start || y.end - x.end || RULE_RANK[x.rule] - RULE_RANK[y.rule]);
  const spans = dropContained(mergeNeighbours(text, voiced));
  return spans.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), category: s.category, voice: s.voice, rule: s.rule, source: s.source }));
}

/**
 * Tag a bare text for `retold tag --jsonl`: quote extraction and the nlp
 * analysis first, then detectEditorial. Offsets index `text` as given.
 */
export function tagText(text: string): EditorialSpan[] {
  if (typeof text !== 'string') throw new TypeError(`editorial: tagText expects a string, got ${typeof text}`);
  const analysis = analyzeText(text);
  const quotes = extractQuotes(text, analysis).map((q) => ({ start: q.start, end: q.end, kind: q.kind }));
  return detectEditorial(text, quotes, analysis);
}
