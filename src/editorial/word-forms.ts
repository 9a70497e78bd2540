/**
 * Answers that depend only on a token's word form (its text, lemma, part of
 * speech and stop-word flag), remembered across texts. News repeats a small
 * vocabulary, so a detector's look-ups (lexicon entries, pattern words, verb
 * lemmas, the model's word features) run once per form instead of once per
 * token, and a token finds its form's record with one look-up for all of them.
 */
import { readWordRecords, type Analysis, type Token, type WordRecord } from '../nlp/index.js';
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

// The form of the token among those kept on its word's record (one form in most words).
function readRecordForm(record: WordRecord, token: Token): WordForm {
  let forms = record.memo as WordForm[] | null;
  if (forms === null) record.memo = forms = [];
  for (let k = 0; k < forms.length; k += 1) {
    const f = forms[k];
    if (f.lemma === token.lemma && f.pos === token.pos && f.stop === token.stop) return f;
  }
  const form: WordForm = { text: token.text, lemma: token.lemma, pos: token.pos, stop: token.stop };
  forms.push(form);
  return form;
}

/**
 * The form records of every token of a text, by token index: kept on the
 * records of words the analysis carries (nlp's readWordRecords), else found
 * by the token's text.
 */
export function readWordForms(analysis: Analysis): WordForm[] {
  const { tokens } = analysis;
  const records = readWordRecords(analysis);
  const forms: WordForm[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    const record = records?.[i];
    forms[i] = record !== undefined && record.value === t.text ? readRecordForm(record, t) : readWordForm(t);
  }
  return forms;
}
