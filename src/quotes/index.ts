/**
 * quotes: find the statements an article reports and who made them. Pure.
 *
 * Direct quotations come from a linear scan of quotation marks (marks.ts);
 * names in marks are dropped, each quotation gets a kind and a group
 * (direct.ts) and an attribution (direct-attribution.ts, over the cue verbs,
 * subjects and resolution of attribution.ts, subjects.ts and resolve.ts).
 * Indirect speech is found at cue verbs followed by a reported clause
 * (indirect.ts).
 */
import { analyzeText, type Analysis } from '../nlp/index.js';
import type { Context } from './context.js';
import { findDirects, classifyDirects } from './direct.js';
import { attributeDirects } from './direct-attribution.js';
import { findIndirect } from './indirect.js';
import { findMarkedSpans } from './marks.js';
import { collectPeople } from './people.js';
import type { Quote, QuoteSpan } from './quote.js';
import { collectSpeakers } from './speaker-collection.js';
import { buildQuotedLineWords } from './quoted-lines.js';
import { buildWords } from './words.js';

export type { Quote, QuoteKind, QuoteSpan } from './quote.js';

/** The direct and indirect quotes of one text, given its analysis; `candidateLog` collects the ranker's candidates. */
function extractWith(text: string, analysis: Analysis, candidateLog?: Context['candidateLog']): Quote[] {
  const words = buildWords(text, analysis.tokens);
  const directs = findDirects(text, words);
  const people = collectPeople(words, text);
  const ctx: Context = {
    text,
    words,
    people,
    speakers: [],
    groupSpeakers: [],
    nameRuns: new Map(),
    frameIntros: null,
    phrases: new Map(),
    collecting: false,
    provisional: false,
    candidateLog,
  };
  collectSpeakers(ctx);
  classifyDirects(text, words, directs);
  attributeDirects(ctx, directs);
  const quotes: Quote[] = directs.map((d) => ({
    start: d.span.start,
    end: d.span.end,
    text: text.slice(d.span.start, d.span.end),
    kind: d.kind,
    speaker: d.attribution?.speaker ?? null,
    cue: d.attribution?.cue ?? null,
    outlet: d.attribution?.outlet ?? null,
    speakerMention: d.attribution?.mention ?? null,
    group: d.group,
  }));
  const directStarts = directs.map((d) => d.span.open);
  const covered = (from: number, to: number): boolean => {
    const k = lowerBound(directStarts, to);
    return k > 0 && directs[k - 1].span.end > from;
  };
  let nextGroup = directs.length;
  for (const q of findIndirect(ctx, covered)) quotes.push({ ...q, group: nextGroup++ });
  quotes.sort((x, y) => x.start - y.start);
  return quotes;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Marks-only extraction, used when the text and its analysis disagree. */
function extractMarksOnly(text: string): Quote[] {
  return findMarkedSpans(text).map((s, i) => ({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    kind: 'full',
    speaker: null,
    cue: null,
    outlet: null,
    speakerMention: null,
    group: i,
  }));
}

/**
 * Extract the quotes of one article text: direct quotations (full, partial,
 * scare) and indirect speech, each with speaker, cue verb and outlet where
 * the text gives them. `analysis` is `analyzeText(text)`; it is computed when
 * missing. Never throws on string input; offsets index `text`.
 */
export function extractQuotes(text: string, analysis?: Analysis): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return extractWith(text, analysis && analysis.text === text ? analysis : analyzeText(text));
  } catch {
    // a bug in attribution must not lose the quotations themselves
    return extractMarksOnly(text);
  }
}

/**
 * The marked quotations of a text (full, partial, scare) with their spans and
 * kinds, as extractQuotes gives them, without attributing them: a kind is
 * decided from the words around the marks alone, before any speaker is
 * looked for, so a reader that needs only where quotations lie and of which
 * kind (editorial voice) skips the people, speakers and attribution. No
 * indirect speech: it is found only through attribution. `analysis` is
 * `analyzeText(text)`.
 */
export function findMarkedQuotes(text: string, analysis: Analysis): QuoteSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (analysis.text !== text) throw new Error('quotes: the analysis given to findMarkedQuotes is of another text');
  const spans = findMarkedSpans(text);
  if (spans.length === 0) return [];
  const words = buildQuotedLineWords(text, analysis.tokens, spans);
  const directs = findDirects(text, words, spans);
  classifyDirects(text, words, directs);
  return directs
    .map((d): QuoteSpan => ({ start: d.span.start, end: d.span.end, kind: d.kind }))
    .sort((x, y) => x.start - y.start);
}

/**
 * The candidates the speaker ranker weighs for each quotation of the text
 * that no rule attributes, with the quotation's offsets (for training the
 * ranker, scripts/train-speakers.ts).
 */
export function listSpeakerCandidates(text: string): NonNullable<Context['candidateLog']> {
  const log: NonNullable<Context['candidateLog']> = [];
  if (typeof text === 'string' && text.length > 0) extractWith(text, analyzeText(text), log);
  return log;
}
