/**
 * pairing: the word classes a quote's features are read with — dates, light
 * words, obligation phrases, quantity words, negation cues, name keys — and the
 * normalizing of words and names they share. The lists live in data/pairing/
 * where they are long; the sets here are short and commented.
 */
import type { Token } from '../nlp/index.js';
import aliases from '../../data/pairing/name-aliases.json' with { type: 'json' };
import modals from '../../data/pairing/modal-phrases.json' with { type: 'json' };

/** name key → the first name of its alias group ("tehran" → "iran") */
const NAME_ALIASES = new Map<string, string>(
  aliases.groups.flatMap((g) => g.map((n) => [n, g[0]] as [string, string])),
);

export const MONTHS_AND_DAYS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tomorrow',
]);

/**
 * Words that carry no claim of their own in news quotes. wink's stop list
 * keeps some of these; weighting them like content would let any two
 * statements match on "say" or "also".
 */
export const LIGHT_WORDS = new Set([
  'say',
  'tell',
  'also',
  'just',
  'even',
  'still',
  'ever',
  'really',
  'very',
  'lot',
  'thing',
  'way',
  'one',
  'get',
  'go',
  'make',
  'know',
  'think',
  'want',
  'see',
  'come',
  'take',
  'able',
  'unable',
]);

/** Lemma sequences of the obligation phrases, longest first so "have get to" wins over "have to". */
const OBLIGATION_PHRASES: string[][] = [...modals.obligation].sort((x, y) => y.length - x.length);

/** Key of every obligation phrase. */
export const MODAL_KEY = 'must';

/** Normalize the keys of names so "al-Yasser" and "Yasser" meet. */
export function normalizeNameKey(lemma: string): string {
  const key = lemma
    .replace(/^(al|el|ad|as|ash|at|az|an|ar)-/, '')
    .replace(/[’']s$/, '')
    .replace(/\./g, '');
  return NAME_ALIASES.get(key) ?? key;
}

/** Normalize typographic variants so verbatim checks see through quote style. */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"');
}

/** Number of tokens of the obligation phrase starting at token k, or 0. */
export function matchObligation(tokens: Token[], k: number): number {
  outer: for (const phrase of OBLIGATION_PHRASES) {
    if (k + phrase.length > tokens.length) continue;
    for (let i = 0; i < phrase.length; i += 1) if (normalizeWord(tokens[k + i].lemma) !== phrase[i]) continue outer;
    return phrase.length;
  }
  return 0;
}

/**
 * Quantity words: vague amounts that a retelling can change ("hundreds" →
 * "thousands", "some" → "all"); like numbers they match only exactly.
 */
export const QUANTITY_WORDS = new Set([
  'few',
  'several',
  'many',
  'most',
  'all',
  'some',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
  'half',
  'majority',
  'minority',
  'every',
  'none',
  'handful',
  'scores',
  'countless',
  'numerous',
  'much',
  'more',
  'less',
  'fewer',
]);

/**
 * Words that negate the word after them. "no", "unless" and verbs such as
 * "refuse" or "fail" were tried and left out: on msrp/train they made more
 * false negation changes ("no pressure" / "nobody pressured", "heart
 * failure") than they found.
 */
export const NEGATION_CUES = /^(not|n't|never|cannot)$/;

/** Is token k part of a hyphenated compound ("do-not-call")? */
export function inHyphenCompound(tokens: Token[], k: number): boolean {
  const glued = (i: number) => i >= 0 && i < tokens.length && tokens[i].text === '-';
  return (glued(k - 1) && tokens[k].space === '') || (glued(k + 1) && tokens[k + 1].space === '');
}
