/**
 * quotes/direct: quotations between marks — which marked spans are
 * quotations (not names in marks), their kind (full, partial, scare) and the
 * groups that join the parts of one quotation (split by its attribution or
 * continued in the next paragraph).
 */
import lexicon from '../../data/quotes/lexicon.json' with { type: 'json' };
import { isCue, isSentenceEnd, type Attribution } from './context.js';
import { findMarkedSpans, type MarkedSpan } from './marks.js';
import { findWordAt, type Word } from './words.js';

const namingCues = new Set(lexicon.namingCues);
const nameConnectors = new Set(['of', 'in', 'for', 'the', 'and', 'al', 'el', 'bin', 'ibn', 'de']);

/** One quotation between marks, while it is attributed. */
export interface Direct {
  span: MarkedSpan;
  /** word index of the opening mark, of the closing mark (or -1) */
  openW: number;
  closeW: number;
  kind: 'full' | 'partial' | 'scare';
  group: number;
  attribution: Attribution | null;
}

/** A short capitalized span without a verb (an organisation or place name in marks). */
function isNameSpan(text: string, span: MarkedSpan, words: Word[], from: number, to: number): boolean {
  const content = text.slice(span.start, span.end).trim();
  if (!content || /[.!?,;:]$/.test(content)) return false;
  const parts = content.split(/\s+/);
  if (parts.length > 7) return false;
  if (
    !parts.every(
      (p) => /^[\p{Lu}\p{N}]/u.test(p) || /^(al|el|ad|as|ash|bin|ibn|abu)-/u.test(p) || nameConnectors.has(p),
    )
  )
    return false;
  if (!/^[\p{Lu}]/u.test(parts[0]) && !/^(al|el)-/u.test(parts[0])) return false;
  for (let i = from; i < to; i += 1) if (words[i].pos === 'VERB' || words[i].pos === 'AUX') return false;
  return true;
}

/** True when a naming verb ("nicknamed", "dubbed", "so-called") stands just before the opening mark. */
export function followsNamingCue(words: Word[], openW: number): boolean {
  for (let i = openW - 1; i >= 0 && i >= openW - 4; i -= 1) {
    const w = words[i];
    if (w.paragraph !== words[openW].paragraph || isSentenceEnd(w) || w.mark) return false;
    if (namingCues.has(w.lower) || w.lower === 'so-called') return true;
  }
  return false;
}

/** Word index range [from, to) of the words inside a span's marks. */
function wordsInside(words: Word[], span: MarkedSpan): { from: number; to: number } {
  return { from: findWordAt(words, span.start), to: findWordAt(words, span.end) };
}

function precedingWord(words: Word[], openW: number): Word | undefined {
  return openW > 0 ? words[openW - 1] : undefined;
}

/** full / partial / scare from the content and what stands before the opening mark. */
function classifyKind(text: string, span: MarkedSpan, words: Word[], openW: number): 'full' | 'partial' | 'scare' {
  const content = text.slice(span.start, span.end).trim();
  const bare = content.replace(/[.,;:!?…]+$/u, '');
  const prev = precedingWord(words, openW);
  const prevText = prev && prev.paragraph === words[openW]?.paragraph ? prev : undefined;
  // a label after a naming verb: nicknamed (the prison) “The Cage”, so-called “reforms”
  if (followsNamingCue(words, openW)) return 'scare';
  const startsUpper = /^[^\p{L}]*\p{Lu}/u.test(content);
  const afterBoundary =
    !prevText ||
    /^[:.,!?;—–-]$/.test(prevText.text) ||
    prevText.mark ||
    (prevText.end < span.open - 1 && /[.!?:]$/.test(text.slice(prevText.start, prevText.end))) ||
    (isCue(prevText) && startsUpper);
  const glued = prevText !== undefined && prevText.end === span.open && /^\p{Lu}/u.test(prevText.text);
  if (startsUpper && (afterBoundary || glued)) return 'full';
  if (!/\s/.test(bare)) return 'scare';
  return 'partial';
}

/**
 * The quotations of a text: marked spans that are not names in marks, with
 * their words flagged as quoted, their kinds and groups. `spans` are the
 * text's marked spans (findMarkedSpans), when the caller has them already.
 */
export function findDirects(text: string, words: Word[], spans = findMarkedSpans(text)): Direct[] {
  const directs: Direct[] = [];
  for (const span of spans) {
    const inside = wordsInside(words, span);
    const openW = findWordAt(words, span.open);
    if (isNameSpan(text, span, words, inside.from, inside.to) && !followsNamingCue(words, openW)) continue;
    for (let i = inside.from; i < inside.to; i += 1) words[i].quoted = true;
    if (words[openW]) words[openW].quoted = true;
    const closeW = span.close === null ? -1 : findWordAt(words, span.close);
    if (closeW >= 0 && words[closeW]) words[closeW].quoted = true;
    directs.push({
      span,
      openW,
      closeW: closeW < words.length ? closeW : -1,
      kind: 'full',
      group: directs.length,
      attribution: null,
    });
  }
  return directs;
}

/** Set kinds, then join into groups a quotation interrupted by its attribution or continued in the next paragraph. */
export function classifyDirects(text: string, words: Word[], directs: Direct[]): void {
  for (const d of directs) d.kind = classifyKind(text, d.span, words, d.openW);
  for (let k = 1; k < directs.length; k += 1) {
    const a = directs[k - 1];
    const b = directs[k];
    if (a.span.close === null) {
      if (
        a.kind === 'full' &&
        (b.span.open === a.span.paragraphEnd + 1 || text.slice(a.span.paragraphEnd, b.span.open).trim() === '')
      ) {
        b.group = a.group;
        b.kind = 'full';
      }
      continue;
    }
    if (a.span.paragraphStart !== b.span.paragraphStart || a.kind !== 'full') continue;
    const between = words.slice(a.closeW + 1, b.openW);
    const lastBetween = between[between.length - 1];
    if (
      between.length > 0 &&
      between.length <= 14 &&
      lastBetween &&
      (lastBetween.text === ',' || lastBetween.text === ':') &&
      between.some((w) => isCue(w)) &&
      !between.some((w) => isSentenceEnd(w))
    ) {
      b.group = a.group;
      b.kind = 'full';
    }
  }
}
