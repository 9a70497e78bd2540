/**
 * quotes: find the statements an article reports and who made them. Pure.
 *
 * Direct quotations come from a linear scan of quotation marks (marks.ts);
 * names in guillemets or quotes are dropped; each quotation gets a kind, a
 * group (parts of one quotation split by its attribution or by paragraphs),
 * and an attribution (attribution.ts). Indirect speech is found at cue verbs
 * followed by a reported clause ("said that ...", "said the ... was ...").
 */
import lexicon from '../../data/quotes/lexicon.json' with { type: 'json' };
import { analyzeText, type Analysis } from '../nlp/index.js';
import { attributeAt, findRunsIn, findSubjectAt, isCue, isSentenceEnd, resolvePhrase, findSubjectBefore, type Attribution, type Context } from './attribution.js';
import { findMarkedSpans, type MarkedSpan } from './marks.js';
import { collectPeople } from './people.js';
import { speakerKey } from '../speakers/index.js';
import { buildWords, findWordAt, startsUpper, type Word } from './words.js';


export type QuoteKind = 'full' | 'partial' | 'scare' | 'indirect';

/** A statement an article reports: a span of the article's normalized text. */
export interface Quote {
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** the speaker's fullest name in the article, or null when unknown */
  speaker: string | null;
  /** the cue verb phrase, e.g. "told", "declared firmly" */
  cue: string | null;
  /** the outlet the statement was said to ("told Newsweek"), if given */
  outlet: string | null;
  /** the words the article uses for the speaker ("the Iraqi official", "he") */
  speakerMention: string | null;
  /** quotes with the same group are parts of one quotation (split by attribution or paragraphs) */
  group: number;
}

const namingCues = new Set(lexicon.namingCues);
const nameConnectors = new Set(['of', 'in', 'for', 'the', 'and', 'al', 'el', 'bin', 'ibn', 'de']);

interface Direct {
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
  if (!parts.every((p) => /^[\p{Lu}\p{N}]/u.test(p) || /^(al|el|ad|as|ash|bin|ibn|abu)-/u.test(p) || nameConnectors.has(p))) return false;
  if (!/^[\p{Lu}]/u.test(parts[0]) && !/^(al|el)-/u.test(parts[0])) return false;
  for (let i = from; i < to; i += 1) if (words[i].pos === 'VERB' || words[i].pos === 'AUX') return false;
  return true;
}

/** True when a naming verb ("nicknamed", "dubbed", "so-called") stands just before the opening mark. */
function followsNamingCue(words: Word[], openW: number): boolean {
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
  const afterBoundary = !prevText || /^[:.,!?;—–-]$/.test(prevText.text) || prevText.mark || prevText.end < span.open - 1 && /[.!?:]$/.test(text.slice(prevText.start, prevText.end)) || (isCue(prevText) && startsUpper);
  const glued = prevText !== undefined && prevText.end === span.open && /^\p{Lu}/u.test(prevText.text);
  if (startsUpper && (afterBoundary || glued)) return 'full';
  if (!/\s/.test(bare)) return 'scare';
  return 'partial';
}

/** Sentence boundaries for attribution frames: [start word, end word) around a quote. */
function leadingFrameStart(words: Word[], openW: number, opens: Set<number>, closes: Set<number>): number {
  let i = openW - 1;
  const para = words[openW]?.paragraph;
  while (i >= 0 && openW - i <= 40) {
    const w = words[i];
    if (w.paragraph !== para || (isSentenceEnd(w) && !w.quoted) || closes.has(w.start) || opens.has(w.start)) return i + 1;
    i -= 1;
  }
  return i + 1;
}

function trailingFrameEnd(words: Word[], closeW: number, opens: Set<number>): number {
  let i = closeW + 1;
  const para = words[closeW]?.paragraph;
  while (i < words.length && i - closeW <= 40) {
    const w = words[i];
    if (w.paragraph !== para || opens.has(w.start)) return i;
    if (isSentenceEnd(w)) return i + 1;
    i += 1;
  }
  return i;
}

/** Attribution of a direct quote from the words around its marks. */
function attributeDirect(ctx: Context, d: Direct, opens: Set<number>, closes: Set<number>): Attribution | null {
  const { words } = ctx;
  const leadFrom = leadingFrameStart(words, d.openW, opens, closes);
  const glued = words[d.openW - 1];
  const gluedOutlet = glued && glued.end === d.span.open && /^\p{Lu}/u.test(glued.text) && !glued.mark ? glued.text : null;
  let trailing: Attribution | null = null;
  let trailingNear = false;
  if (d.closeW >= 0) {
    const end = trailingFrameEnd(words, d.closeW, opens);
    for (let i = d.closeW + 1; i < end; i += 1) {
      if (!isCue(words[i])) continue;
      trailing = attributeAt(ctx, i, d.closeW + 1, end, true);
      if (trailing) {
        trailingNear = i - d.closeW <= 10;
        break;
      }
    }
  }
  let leading: Attribution | null = null;
  for (let i = d.openW - 1; i >= leadFrom; i -= 1) {
    if (!isCue(words[i])) continue;
    leading = attributeAt(ctx, i, leadFrom, d.openW, false);
    if (leading) break;
  }
  let chosen: Attribution | null;
  if (d.kind === 'full') chosen = trailingNear ? trailing : leading ?? trailing;
  else chosen = leading ?? trailing;
  if (!chosen && d.kind === 'partial') chosen = subjectOfClause(ctx, leadFrom, d.openW);
  if (gluedOutlet && !chosen?.outlet) chosen = chosen ? { ...chosen, outlet: gluedOutlet } : { speaker: null, mention: null, cue: null, outlet: gluedOutlet, kind: null };
  return chosen;
}

/** The nearest person-like subject of a verb before a partial quotation (`al-Tamimi issued a warning to “...”`). */
function subjectOfClause(ctx: Context, from: number, openW: number): Attribution | null {
  const { words } = ctx;
  let fallback: Attribution | null = null;
  for (let i = openW - 1; i > from; i -= 1) {
    const w = words[i];
    if (w.pos !== 'VERB' || w.quoted) continue;
    const np = findSubjectBefore(words, i, from);
    if (!np || np === 'coordinated') continue;
    const r = resolvePhrase(ctx, np.from, np.to);
    if (r.kind === 'person') return { ...r, cue: null, outlet: null };
    if (!fallback && r.kind === 'org' && /^\p{Lu}/u.test(words[np.from].text)) fallback = { ...r, cue: null, outlet: null };
  }
  return fallback;
}

/** The text after the last white space (as `s.split(/\s+/).pop()`). */
function lastPart(s: string): string {
  let j = s.length;
  while (j > 0 && !isWhiteSpaceCode(s.charCodeAt(j - 1))) j -= 1;
  return s.slice(j);
}

/** True for the code units `\s` matches (white space and line terminators). */
function isWhiteSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Register who speaks where, by name, so descriptions and pronouns can resolve. */
function collectSpeakers(ctx: Context): void {
  const { words } = ctx;
  ctx.collecting = true;
  for (let i = 0; i < words.length; i += 1) {
    if (!isCue(words[i])) continue;
    let lower = i;
    while (lower > 0 && i - lower < 40 && !isSentenceEnd(words[lower - 1]) && words[lower - 1].paragraph === words[i].paragraph) lower -= 1;
    // only the subject counts here, not the cue phrase or outlet of a full attribution
    const np = findSubjectAt(ctx, i, lower, Math.min(words.length, i + 12), false);
    if (!np) continue;
    const r = resolvePhrase(ctx, np.from, np.to);
    if (!r.mention) continue;
    const lastWord = lastPart(r.mention);
    if (!startsUpper(lastWord) && !lastWord.startsWith('al-') && !lastWord.startsWith('el-')) continue;
    if (r.kind === 'person' && r.speaker) {
      const p = ctx.people.byKey.get(speakerKey(r.speaker));
      if (p) ctx.speakers.push({ at: i, person: p });
    } else if (r.kind === 'org' && r.speaker) ctx.groupSpeakers.push({ at: i, name: r.speaker });
  }
  ctx.collecting = false;
}

/** Indirect speech at cue verbs: the reported clause after `said (that)` or before `, X said.` */
function findIndirect(ctx: Context, covered: (from: number, to: number) => boolean): Quote[] {
  const { words, text } = ctx;
  const out: Quote[] = [];
  for (let v = 0; v < words.length; v += 1) {
    if (!isCue(words[v], true)) continue;
    const para = words[v].paragraph;
    let s = v;
    while (s > 0 && v - s < 60 && words[s - 1].paragraph === para && !isSentenceEnd(words[s - 1])) s -= 1;
    let e = v + 1;
    while (e < words.length && e - v < 80 && words[e].paragraph === para && !isSentenceEnd(words[e])) e += 1;
    const np = findSubjectBefore(words, v, s);
    if (np === 'coordinated') continue;
    let attribution = attributeAt(ctx, v, s, e, false);
    if (!attribution || !attribution.speaker) continue;
    let c = v + 1;
    while (c < e && words[c].pos === 'ADV' && words[c].lower !== 'that') c += 1;
    if (words[v].lemma === 'tell' || attribution.outlet) {
      const runs = findRunsIn(ctx, c, Math.min(e, c + 5));
      if (runs.length > 0 && runs[0].from === c) c = runs[0].to;
      else if (words[c] && (words[c].pos === 'PRON' || words[c].pos === 'NOUN')) c += 1;
    }
    let clause: { from: number; to: number } | null = null;
    if (words[c]?.lower === 'that' && c + 3 <= e) clause = { from: c + 1, to: e };
    else if (startsClause(words, c, e)) clause = { from: c, to: e };
    else if (e - c <= 4 && words[s] && np && np !== null) {
      // "..., the Iraqi prime minister announced March 14."
      const comma = np.from - 1;
      if (words[comma]?.text === ',' && comma - s >= 3 && !words.slice(c, e).some((w) => w.pos === 'VERB')) clause = { from: s, to: comma };
    }
    if (!clause || clause.to - clause.from < 3) continue;
    const start = words[clause.from].start;
    const end = words[clause.to - 1].end;
    if (covered(start, end)) continue;
    attribution = { ...attribution };
    out.push({ start, end, text: text.slice(start, end), kind: 'indirect', speaker: attribution.speaker, cue: attribution.cue, outlet: attribution.outlet, speakerMention: attribution.mention, group: -1 });
    v = e;
  }
  return out;
}

/** True when words from c look like the start of a finite clause (`the Nujaba Movement was prepared`). */
function startsClause(words: Word[], c: number, e: number): boolean {
  const w = words[c];
  if (!w || c >= e) return false;
  if (!(w.pos === 'DET' || w.pos === 'PROPN' || w.pos === 'PRON' || w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'NUM')) return false;
  if (w.pos === 'PRON' && !['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there'].includes(w.lower)) return false;
  for (let i = c; i < e && i - c < 10; i += 1) {
    const x = words[i];
    if (x.pos === 'AUX' || (x.pos === 'VERB' && i > c)) return true;
    if (x.pos === 'DET' || x.pos === 'PROPN' || x.pos === 'PRON' || x.pos === 'NOUN' || x.pos === 'ADJ' || x.pos === 'NUM' || x.lower === 'of' || x.lower === "'s" || x.lower === '’s' || x.text === '-') continue;
    return false;
  }
  return false;
}

/** The direct and indirect quotes of one text, given its words and marked spans. */
function extractWith(text: string, analysis: Analysis): Quote[] {
  const words = buildWords(text, analysis.tokens);
  const spans = findMarkedSpans(text);
  const directs: Direct[] = [];
  for (const span of spans) {
    const inside = wordsInside(words, span);
    const openW = findWordAt(words, span.open);
    if (isNameSpan(text, span, words, inside.from, inside.to) && !followsNamingCue(words, openW)) continue;
    for (let i = inside.from; i < inside.to; i += 1) words[i].quoted = true;
    if (words[openW]) words[openW].quoted = true;
    const closeW = span.close === null ? -1 : findWordAt(words, span.close);
    if (closeW >= 0 && words[closeW]) words[closeW].quoted = true;
    directs.push({ span, openW, closeW: closeW < words.length ? closeW : -1, kind: 'full', group: directs.length, attribution: null });
  }
  const people = collectPeople(words, text);
  const ctx: Context = { text, words, people, speakers: [], groupSpeakers: [], nameRuns: new Map(), frameIntros: null, phrases: new Map(), collecting: false, provisional: false };
  collectSpeakers(ctx);
  const opens = new Set(directs.map((d) => d.span.open));
  const closes = new Set(directs.filter((d) => d.span.close !== null).map((d) => d.span.close as number));
  for (const d of directs) d.kind = classifyKind(text, d.span, words, d.openW);
  // groups: a quotation interrupted by its attribution, or continued in the next paragraph
  for (let k = 1; k < directs.length; k += 1) {
    const a = directs[k - 1];
    const b = directs[k];
    if (a.span.close === null) {
      if (a.kind === 'full' && (b.span.open === a.span.paragraphEnd + 1 || text.slice(a.span.paragraphEnd, b.span.open).trim() === '')) {
        b.group = a.group;
        b.kind = 'full';
      }
      continue;
    }
    if (a.span.paragraphStart !== b.span.paragraphStart || a.kind !== 'full') continue;
    const between = words.slice(a.closeW + 1, b.openW);
    const lastBetween = between[between.length - 1];
    if (between.length > 0 && between.length <= 14 && lastBetween && (lastBetween.text === ',' || lastBetween.text === ':') && between.some((w) => isCue(w)) && !between.some((w) => isSentenceEnd(w))) {
      b.group = a.group;
      b.kind = 'full';
    }
  }
  for (const d of directs) if (d.kind !== 'scare') d.attribution = attributeDirect(ctx, d, opens, closes);
  // quotes without their own attribution take their group's, their paragraph's, or the previous paragraph's
  const attributedGroup = new Map<number, Direct>();
  for (const d of directs) if (d.attribution?.speaker && !attributedGroup.has(d.group)) attributedGroup.set(d.group, d);
  for (let k = 0; k < directs.length; k += 1) {
    const d = directs[k];
    if (d.kind === 'scare' || (d.attribution && d.attribution.speaker)) continue;
    let from: Direct | undefined = attributedGroup.get(d.group);
    if (!from && d.kind === 'full') {
      // look a few quotations either way in the same paragraph (bounded, to stay linear)
      for (let j = k - 1; j >= 0 && j >= k - 6 && !from; j -= 1) {
        const x = directs[j];
        if (x.span.paragraphStart !== d.span.paragraphStart) break;
        if (x.attribution?.speaker && x.kind === 'full') from = x;
      }
      for (let j = k + 1; j < directs.length && j <= k + 6 && !from; j += 1) {
        const x = directs[j];
        if (x.span.paragraphStart !== d.span.paragraphStart) break;
        if (x.attribution?.speaker && x.kind === 'full') from = x;
      }
      if (!from && d.span.open === d.span.paragraphStart && k > 0) {
        const x = directs[k - 1];
        const gap = text.slice(x.span.paragraphEnd, d.span.paragraphStart);
        if (x.attribution?.speaker && gap.trim() === '' && x.kind !== 'scare') from = x;
      }
    }
    if (!from && d.kind === 'partial' && k > 0) {
      const x = directs[k - 1];
      const between = x.closeW >= 0 ? words.slice(x.closeW + 1, d.openW) : [];
      if (x.closeW >= 0 && x.span.paragraphStart === d.span.paragraphStart && x.attribution?.speaker && !between.some((w) => isSentenceEnd(w))) from = x;
    }
    if (from?.attribution) d.attribution = { ...from.attribution, cue: d.attribution?.cue ?? from.attribution.cue, outlet: d.attribution?.outlet ?? from.attribution.outlet };
  }
  const quotes: Quote[] = directs.map((d) => ({
    start: d.span.start,
    end: d.span.end,
    text: text.slice(d.span.start, d.span.end),
    kind: d.kind,
    speaker: d.kind === 'scare' ? null : d.attribution?.speaker ?? null,
    cue: d.kind === 'scare' ? null : d.attribution?.cue ?? null,
    outlet: d.kind === 'scare' ? null : d.attribution?.outlet ?? null,
    speakerMention: d.kind === 'scare' ? null : d.attribution?.mention ?? null,
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
  return findMarkedSpans(text).map((s, i) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), kind: 'full', speaker: null, cue: null, outlet: null, speakerMention: null, group: i }));
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
