/**
 * pairing: the features of one statement text that scoring and indexing use —
 * its content words (lemmas without stop words, with numbers, dates and names
 * marked) and its plain word sequence (for verbatim/trimmed checks).
 */
import { analyzeText, type Token } from '../nlp/index.js';
import type { WordVectors } from '../vectors/table.js';
import aliases from '../../data/pairing/name-aliases.json' with { type: 'json' };
import modals from '../../data/pairing/modal-phrases.json' with { type: 'json' };

/** name key → the first name of its alias group ("tehran" → "iran") */
const NAME_ALIASES = new Map<string, string>(aliases.groups.flatMap((g) => g.map((n) => [n, g[0]] as [string, string])));

/**
 * What kind of content word: names, numbers and dates only match exactly; a
 * modal is one obligation phrase ("must", "is obligated to", "has to") read as
 * the single key `must`, so reworded modals match each other and nothing else.
 */
export type ContentKind = 'word' | 'name' | 'number' | 'date' | 'modal';

/** One content word of a statement. */
export interface ContentWord {
  /** matching key: lower-case lemma, number value, or name without "al-" */
  key: string;
  /** the word as written */
  text: string;
  /** the word as written, lower-cased */
  lower: string;
  kind: ContentKind;
  /** the first content word in the scope of a negation ("not *raise* rates") */
  negated: boolean;
  /** anywhere in the scope of a negation */
  inNegation: boolean;
  /** index of the sentence the word is in */
  sentence: number;
  /**
   * informativeness, from the word's frequency rank (rarer weighs more);
   * numbers, dates and modals weigh 0 because sharing only a date or a "must"
   * is no evidence of the same statement, and a retelling may drop either —
   * the scorer counts them only as support for words that match around them
   */
  weight: number;
  /** unit vector, when the table knows the word and the kind allows soft matches */
  vector: Float32Array | undefined;
}

/** A statement prepared for scoring. */
export interface StatementFeatures {
  text: string;
  content: ContentWord[];
  /** lower-case words without punctuation, for verbatim and trimmed checks */
  words: string[];
  /** number of sentences */
  sentences: number;
}

const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tomorrow',
]);

/**
 * Words that carry no claim of their own in news quotes. wink's stop list
 * keeps some of these; weighting them like content would let any two
 * statements match on "say" or "also".
 */
const LIGHT_WORDS = new Set(['say', 'tell', 'also', 'just', 'even', 'still', 'ever', 'really', 'very', 'lot', 'thing', 'way', 'one', 'get', 'go', 'make', 'know', 'think', 'want', 'see', 'come', 'take', 'able', 'unable']);

/** Lemma sequences of the obligation phrases, longest first so "have get to" wins over "have to". */
const OBLIGATION_PHRASES: string[][] = [...modals.obligation].sort((x, y) => y.length - x.length);

/** Key of every obligation phrase. */
const MODAL_KEY = 'must';

/** Names weigh at most this much. */
const NAME_WEIGHT_CAP = 1.5;

/** Weight of a word with no frequency rank (rare words, names, typos). */
const UNKNOWN_WEIGHT = 3;

/** Normalize the keys of names so "al-Yasser" and "Yasser" meet. */
function normalizeNameKey(lemma: string): string {
  const key = lemma.replace(/^(al|el|ad|as|ash|at|az|an|ar)-/, '').replace(/[’']s$/, '').replace(/\./g, '');
  return NAME_ALIASES.get(key) ?? key;
}

/** Look a word up by lemma, then surface form, then without dots ("u.s." → "us"). */
function lookupVector(vectors: WordVectors | undefined, lemma: string, lower: string): { vector?: Float32Array; rank?: number } {
  if (!vectors) return {};
  for (const w of [lemma, lower, lower.replace(/\./g, '')]) {
    const vector = vectors.lookup(w);
    if (vector) return { vector, rank: vectors.rank(w) };
  }
  return {};
}

/** Weight of a word from its frequency rank: frequent words weigh ~0.5, rare ones up to 3.5. */
export function weighRank(rank: number | undefined): number {
  if (rank === undefined) return UNKNOWN_WEIGHT;
  return Math.min(3.5, 0.5 + Math.log10(1 + rank / 100));
}

/** Normalize typographic variants so verbatim checks see through quote style. */
function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”«»]/g, '"');
}

/** Number of tokens of the obligation phrase starting at token k, or 0. */
function matchObligation(tokens: Token[], k: number): number {
  outer: for (const phrase of OBLIGATION_PHRASES) {
    if (k + phrase.length > tokens.length) continue;
    for (let i = 0; i < phrase.length; i += 1) if (normalizeWord(tokens[k + i].lemma) !== phrase[i]) continue outer;
    return phrase.length;
  }
  return 0;
}

/** Analyse a statement text into its features (vectors optional: without them only exact matches count). */
export function prepareStatement(text: string, vectors?: WordVectors): StatementFeatures {
  const analysis = analyzeText(text);
  const content: ContentWord[] = [];
  const words: string[] = [];
  let sentence = 0;
  const sentenceEnds = analysis.sentences.map((s) => s.tokenEnd);
  // wink flags every token up to the clause end as negated; only the first
  // content word after the cue ("not *raise* rates") carries the negation
  let scopeUsed = false;
  const tokens = analysis.tokens;
  // tokens before this index belong to an obligation phrase already counted
  let phraseEnd = 0;
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (!t.negated) scopeUsed = false;
    while (sentence < sentenceEnds.length - 1 && t.index >= sentenceEnds[sentence]) sentence += 1;
    if (t.type === 'punctuation' || t.type === 'tabCRLF' || t.type === 'symbol') continue;
    const lower = normalizeWord(t.text);
    if (!/[\p{L}\p{N}]/u.test(lower)) continue;
    words.push(lower.replace(/^['"]+|['"]+$/g, ''));
    if (k < phraseEnd) continue;
    const phraseLength = matchObligation(tokens, k);
    if (phraseLength) {
      phraseEnd = k + phraseLength;
      const negated = t.negated && !scopeUsed;
      if (t.negated) scopeUsed = true;
      const phrase = text.slice(t.start, tokens[phraseEnd - 1].end);
      content.push({ key: MODAL_KEY, text: phrase, lower: phrase.toLowerCase(), kind: 'modal', negated, inNegation: t.negated, sentence, weight: 0, vector: undefined });
      continue;
    }
    if (t.type === 'number' || t.pos === 'NUM' && /\d/.test(t.text)) {
      content.push({ key: t.text.replace(/[,\s]/g, ''), text: t.text, lower, kind: 'number', negated: t.negated, inNegation: t.negated, sentence, weight: 0, vector: undefined });
      continue;
    }
    if (t.stop || t.type !== 'word' && t.type !== 'hashtag') continue;
    const lemma = normalizeWord(t.lemma);
    if (LIGHT_WORDS.has(lemma)) continue;
    const negated = t.negated && !scopeUsed;
    if (t.negated) scopeUsed = true;
    if (MONTHS_AND_DAYS.has(lemma)) {
      content.push({ key: lemma, text: t.text, lower, kind: 'date', negated, inNegation: t.negated, sentence, weight: 0, vector: undefined });
      continue;
    }
    const { vector, rank } = lookupVector(vectors, lemma, lower);
    const weight = weighRank(vectors ? rank : 1000);
    if (t.pos === 'PROPN') {
      // a shared name says who or where, not what was claimed
      content.push({ key: normalizeNameKey(lemma), text: t.text, lower, kind: 'name', negated, inNegation: t.negated, sentence, weight: Math.min(weight, NAME_WEIGHT_CAP), vector: undefined });
    } else {
      content.push({ key: lemma, text: t.text, lower, kind: 'word', negated, inNegation: t.negated, sentence, weight, vector });
    }
  }
  return { text, content, words, sentences: Math.max(1, analysis.sentences.length) };
}
