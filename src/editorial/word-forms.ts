/**
 * Answers that depend only on a token's word form (its text, lemma, part of
 * speech and stop-word flag), remembered across texts. News repeats a small
 * vocabulary, so a detector's look-ups (lexicon entries, pattern words, verb
 * lemmas, the model's word features) run once per form instead of once per
 * token, and a token finds its form's record with one look-up for all of them.
 */
import type { Token } from '../nlp/index.js';
import type { VerbReading } from './attribution.js';
import type { StaticFeatures } from './features.js';
import type { LexiconEntry } from './lexicon.js';

/**
 * One word form and what the detectors found out about it; a field is
 * undefined until its detector first asks, null when the answer is "none".
 */
export interface WordForm {
  text: string;
  lemma: string;
  pos: string;
  stop: boolean;
  /** the word lexicon entry it matches, and the one at a sentence start heading no name */
  lexicon?: LexiconEntry | null;
  initialLexicon?: LexiconEntry | null;
  /** (pattern, bit) pairs of the shipped phrase patterns it satisfies */
  phraseRefs?: Int32Array | null;
  verb?: VerbReading | null;
  /** the model's word features, for the vector table `featuresFor` */
  features?: StaticFeatures;
  featuresFor?: object;
}

const known = new Map<string, WordForm[]>();
/** Bound on remembered texts: unknown words (names, numbers) keep arriving in a long run. */
const MAX_FORMS = 100_000;

/** The record of the token's form (made on first sight). */
export function readWordForm(token: Token): WordForm {
  // keyed by the text, which wink hands out as shared strings: no key is built per token
  let forms = known.get(token.text);
  if (forms) {
    for (const f of forms) if (f.lemma === token.lemma && f.pos === token.pos && f.stop === token.stop) return f;
  } else {
    if (known.size >= MAX_FORMS) known.clear();
    known.set(token.text, (forms = []));
  }
  const form: WordForm = { text: token.text, lemma: token.lemma, pos: token.pos, stop: token.stop };
  forms.push(form);
  return form;
}

/** The form records of every token of a text, by token index. */
export function readWordForms(tokens: readonly Token[]): WordForm[] {
  const forms: WordForm[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) forms[i] = readWordForm(tokens[i]);
  return forms;
}
