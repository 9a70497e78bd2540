/**
 * Rhetorical questions: a question in the writer's own voice. A question that
 * is quoted, that reports someone asking ("she asked why…?"), or that is a
 * short stand-alone heading of an explainer ("What happens next?") is left out.
 */
import rules from '../../data/lexicons/rhetorical-questions.json' with { type: 'json' };
import { isInside, isWord, type DetectContext } from './context.js';

/** A question sentence in the writer's voice. */
export interface QuestionHit {
  start: number;
  end: number;
}

const askLemmas = new Set(rules.askLemmas);

/** Find the rhetorical questions of the text. */
export function findQuestionHits(ctx: DetectContext): QuestionHit[] {
  const { tokens, sentences } = ctx.analysis;
  const { text } = ctx;
  const hits: QuestionHit[] = [];
  for (const s of sentences) {
    const trimmed = s.text.trimEnd();
    if (!trimmed.endsWith('?')) continue;
    const mark = s.start + trimmed.length - 1;
    if (isInside({ start: mark, end: mark + 1 }, ctx.quoted) || isInside({ start: s.start, end: s.end }, ctx.quoted))
      continue;
    const sentenceTokens = tokens.slice(s.tokenStart, s.tokenEnd);
    if (sentenceTokens.some((t) => askLemmas.has(t.lemma))) continue;
    // a question whose text holds quotation marks is reported speech, not the writer asking
    if (/["“”]/.test(s.text)) continue;
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const lineEndAt = text.indexOf('\n', s.end);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    const aloneOnLine = text.slice(lineStart, s.start).trim() === '' && text.slice(s.end, lineEnd).trim() === '';
    const words = sentenceTokens.filter(isWord).length;
    if (aloneOnLine && words <= rules.maxHeadingWords) continue;
    hits.push({ start: s.start, end: s.end });
  }
  return hits;
}
