/**
 * The rule-based detectors' proposals for one text: the shared context
 * (sentences, quotations, scare quotes) and every candidate span the word
 * lexicons, phrase patterns, attribution verbs, sentence adverbs, questions
 * and scare quotes propose, before voices are given and neighbours merged.
 */
import type { Analysis } from '../nlp/index.js';
import type { QuoteSpan } from '../quotes/quote.js';
import { findAttributionHits } from './attribution.js';
import type { EditorialCategoryId } from './categories.js';
import { indexSentences, type DetectContext, type Range } from './context.js';
import { findLexiconHits } from './lexicon.js';
import { findPhraseHits } from './phrases.js';
import { findQuotationRegions } from './quotation-marks.js';
import { findQuestionHits } from './questions.js';
import { pickScareRegions } from './scare-quotes.js';
import { findAdverbHits } from './sentence-adverbs.js';
import { readWordForms } from './word-forms.js';

/** Which detector proposed a span. */
export type EditorialRule =
  'lexicon' | 'phrase' | 'attribution' | 'sentence-adverb' | 'question' | 'scare-quote' | 'model';

/** A span one detector proposes. */
export interface Candidate {
  start: number;
  end: number;
  category: EditorialCategoryId;
  rule: EditorialRule;
  source: string;
}

/** Build the context the detectors share from the text, its quotes and its analysis. */
export function buildContext(text: string, quotes: QuoteSpan[], analysis: Analysis): DetectContext {
  const { sentenceStarts } = indexSentences(analysis);
  const regions = findQuotationRegions(text);
  const given = quotes.filter((q) => q.kind === 'full' || q.kind === 'partial');
  // With no quotations given, the marks alone decide which short quotations
  // are scare quotes; with quotations given, the extractor has decided.
  const scare: Range[] =
    quotes.length > 0 ? quotes.filter((q) => q.kind === 'scare') : pickScareRegions(text, analysis, regions);
  const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
  // Words between quotation marks are someone else's even when the extractor
  // missed that quotation (a headline, a slogan), so longer marked stretches
  // count as quoted too; with no quotations given, every non-scare one does.
  const marked = regions.filter((r) => (r.words >= 3 || quotes.length === 0) && !scare.some((s) => overlaps(s, r)));
  return {
    text,
    analysis,
    sentenceStarts,
    quoted: [...given, ...marked],
    scare,
    forms: readWordForms(analysis),
  };
}

// Widen a scare-quote span to take in the quotation marks (and a comma inside
// them) right next to it, so the reviewer sees the marks that do the work.
function widenToMarks(text: string, r: Range): Range {
  let { start, end } = r;
  while (start > 0 && /["“‘]/.test(text[start - 1])) start -= 1;
  while (end < text.length && /[,.]?["”’]/.test(text.slice(end, end + 2)) && /[,."”’]/.test(text[end])) end += 1;
  return { start, end };
}

/** Every span the rule-based detectors propose, in detector order. */
export function collectCandidates(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  for (const h of findLexiconHits(ctx))
    out.push({ start: h.start, end: h.end, category: h.category, rule: 'lexicon', source: h.lexicon });
  for (const h of findPhraseHits(ctx))
    out.push({ start: h.start, end: h.end, category: h.category, rule: 'phrase', source: h.pattern });
  for (const h of findAttributionHits(ctx))
    out.push({ start: h.start, end: h.end, category: 'attribution-verb', rule: 'attribution', source: h.verb });
  for (const h of findAdverbHits(ctx))
    out.push({ start: h.start, end: h.end, category: 'editorial-comment', rule: 'sentence-adverb', source: h.phrase });
  for (const h of findQuestionHits(ctx))
    out.push({ start: h.start, end: h.end, category: 'rhetorical-question', rule: 'question', source: 'question' });
  for (const r of ctx.scare) {
    const w = widenToMarks(ctx.text, r);
    out.push({ start: w.start, end: w.end, category: 'scare-quotes', rule: 'scare-quote', source: 'quotation' });
  }
  return out;
}
