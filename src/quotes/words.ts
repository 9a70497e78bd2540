/**
 * quotes/words: wink tokens regrouped into the words attribution reasons
 * about — "al-Yasir", "secretary-general" and "Maj." as one word each — with
 * flags for quotation marks and sentence ends.
 */
import type { Token } from '../nlp/index.js';

/** One word of the text (one or more tokens joined without spaces). */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  pos: string;
  lemma: string;
  /** true when the word lies inside a quotation's marks */
  quoted: boolean;
  /** a quotation mark character */
  mark: boolean;
  /** index of the paragraph (line) holding the word */
  paragraph: number;
  /** whether the word looks like part of a name (set on first use by people.ts) */
  nameShape?: boolean;
}

const markChars = new Set(['“', '”', '"', '«', '»', '„', '‘', '’', "'", '‹', '›']);
const abbreviations = new Set([
  'maj',
  'gen',
  'lt',
  'col',
  'capt',
  'sgt',
  'adm',
  'cmdr',
  'brig',
  'cpl',
  'pvt',
  'dr',
  'mr',
  'mrs',
  'ms',
  'rev',
  'sen',
  'rep',
  'gov',
  'prof',
  'st',
  'jr',
  'sr',
  'sec',
  'no',
  'vs',
  'inc',
  'ltd',
  'co',
  'corp',
]);

/**
 * True when a string starts with an upper-case letter (as `/^\p{Lu}/u`).
 * Asked of nearly every word; ASCII letters are answered without the regex.
 */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return /^\p{Lu}/u.test(s);
}

function startsLetter(s: string): boolean {
  return /^\p{L}/u.test(s);
}

/** True for a quotation mark character. */
export function isMarkChar(ch: string): boolean {
  return markChars.has(ch);
}

/** Speech verbs in the third person that the tagger can read as plural nouns, with their lemma. */
const nounCues = new Map(
  [
    'notes',
    'says',
    'adds',
    'writes',
    'recalls',
    'explains',
    'argues',
    'warns',
    'tweets',
    'insists',
    'counters',
    'quips',
    'jokes',
    'remarks',
    'asks',
    'answers',
    'states',
  ].map((w) => [w, w.slice(0, -1)] as [string, string]),
);

/**
 * Group tokens into words: a hyphen joining two tokens without spaces makes
 * one word (al-Yasir), and a known abbreviation takes its period (Maj.).
 */
export function buildWords(text: string, tokens: Token[]): Word[] {
  const build: WordBuild = { words: [], paragraph: 0, lastEnd: 0 };
  appendWords(text, tokens, 0, tokens.length, build);
  return build.words;
}

/** Where a build of words stands: the words so far, the paragraph of the last one and where it ends. */
export interface WordBuild {
  words: Word[];
  paragraph: number;
  lastEnd: number;
}

/** True for a token that makes no word: a line break or blanks. */
export function isBlankToken(t: Token): boolean {
  // only a token starting with a control, space or non-ASCII character can be blank
  const c0 = t.text.charCodeAt(0);
  return t.type === 'tabCRLF' || ((c0 <= 32 || c0 >= 0xa0 || Number.isNaN(c0)) && t.text.trim() === '');
}

/**
 * True when the word a token begins reads the word before it (a capitalised
 * verb is a name after most words, a speech verb in -s is a verb after a
 * name) or changes it (`back` after `shot`): words built from part of a
 * text are those of the whole text only where no such word starts a part.
 */
export function dependsOnWordBefore(t: Token): boolean {
  return (
    ((t.pos === 'VERB' || t.pos === 'AUX') && startsUpper(t.text)) ||
    nounCues.has(t.text) ||
    t.text.toLowerCase() === 'back'
  );
}

/**
 * Add the words of tokens [from, to) to a build, as buildWords makes them,
 * and return the index after the last token read (a hyphenated word may read
 * the token at `to`).
 */
export function appendWords(text: string, tokens: Token[], from: number, to: number, build: WordBuild): number {
  const { words } = build;
  let { paragraph, lastEnd } = build;
  let i = from;
  for (; i < to; i += 1) {
    const t = tokens[i];
    if (isBlankToken(t)) continue;
    if (t.start < lastEnd || t.end > text.length) continue;
    for (let k = lastEnd; k < t.start; k += 1) if (text.charCodeAt(k) === 10) paragraph += 1;
    lastEnd = t.end;
    const prev = words[words.length - 1];
    const glued = prev !== undefined && prev.end === t.start && !prev.mark;
    if (
      glued &&
      t.text === '-' &&
      tokens[i + 1] &&
      tokens[i + 1].start === t.end &&
      /^[\p{L}\p{N}]/u.test(tokens[i + 1].text)
    ) {
      const n = tokens[i + 1];
      prev.text = text.slice(prev.start, n.end);
      prev.lower = prev.text.toLowerCase();
      prev.end = n.end;
      prev.pos = n.pos === 'PROPN' || prev.pos === 'PROPN' ? 'PROPN' : n.pos;
      prev.lemma = `${prev.lower.slice(0, prev.lower.length - n.text.length)}${n.lemma}`;
      lastEnd = n.end;
      i += 1;
      continue;
    }
    // `N.Y.`, `U.S.`: letters and periods written without spaces are one word
    if (glued && prev.text.endsWith('.') && prev.text.length > 1 && startsLetter(t.text)) {
      prev.text = text.slice(prev.start, t.end);
      prev.lower = prev.text.toLowerCase();
      prev.end = t.end;
      continue;
    }
    // `(R-Fla.)`, `R-Ky.,`: a period right before a closing parenthesis or a comma ends an abbreviation, not the sentence
    if (
      glued &&
      t.text === '.' &&
      (abbreviations.has(prev.lower) || text[t.end] === ')' || text[t.end] === ',' || startsLetter(text[t.end] ?? ' '))
    ) {
      prev.text += '.';
      prev.lower += '.';
      prev.end = t.end;
      continue;
    }
    // a plural possessive (`Sanders’ campaign`) keeps its apostrophe: it is no quotation mark
    if (
      glued &&
      (t.text === '’' || t.text === "'") &&
      prev.lower.endsWith('s') &&
      !/[\p{L}\p{N}]/u.test(text[t.end] ?? ' ')
    ) {
      prev.text += t.text;
      prev.lower += t.text;
      prev.end = t.end;
      continue;
    }
    const isMark = t.text.length === 1 && markChars.has(t.text);
    const lower = t.text.toLowerCase();
    words.push({
      text: t.text,
      lower,
      start: t.start,
      end: t.end,
      pos: isMark
        ? 'PUNCT'
        : (t.pos === 'VERB' || t.pos === 'AUX') && isMidSentenceCapital(t.text, prev)
          ? 'PROPN'
          : t.pos,
      lemma: t.lemma,
      quoted: false,
      mark: isMark,
      paragraph,
      // present from the start so every word keeps one object shape
      nameShape: undefined,
    });
    // `Conway notes.`, `Viguerie says`: after a name or pronoun the tagger reads a speech verb as a plural noun
    const cue = nounCues.get(t.text);
    if (cue && prev && (prev.pos === 'PROPN' || prev.lower === 'he' || prev.lower === 'she')) {
      const w = words[words.length - 1];
      w.pos = 'VERB';
      w.lemma = cue;
    }
    // `shot back`, `fired back`: the tagger reads the verb as a noun
    if (prev && lower === 'back' && (prev.lower === 'shot' || prev.lower === 'fired')) {
      prev.pos = 'VERB';
      prev.lemma = prev.lower === 'shot' ? 'shoot back' : 'fire back';
    }
  }
  build.paragraph = paragraph;
  build.lastEnd = lastEnd;
  return i;
}

/**
 * True when a capitalised token stands inside a sentence: the tagger reads
 * surnames such as Ward or Concord as verbs there (`Ward said.`).
 */
function isMidSentenceCapital(text: string, prev: Word | undefined): boolean {
  if (!prev || !startsUpper(text) || text.length < 2) return false;
  const p = prev.text;
  return !(
    p === '.' ||
    p === '!' ||
    p === '?' ||
    p === ':' ||
    p === '“' ||
    p === '"' ||
    p === '‘' ||
    p === '(' ||
    p === '—'
  );
}

/** Index of the first word starting at or after offset (binary search). */
export function findWordAt(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
