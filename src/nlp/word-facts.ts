/**
 * nlp: per-word facts kept across documents, found by wink's id of the
 * token's text. Asking wink for lemma, type and stop-word flag costs a
 * lexicon look-up (and for lemmas often a lemmatizer run) on every token,
 * while news text repeats a small vocabulary. wink numbers every text it has
 * met (its vocabulary and the words it learns since, one number per string,
 * never reused), so a word's record is an array read away, where a map keyed
 * by the string hashed it on every token.
 */

import type { Analysis } from './index.js';

/**
 * What analyzeText keeps about the word of a token, shared by every token of
 * that text in every analysis: `memo` is free for one reader of analyses to
 * keep its own answers about the word (editorial's word forms), so it finds
 * them without a look-up of its own.
 */
export interface WordRecord {
  /** the token's text */
  readonly value: string;
  memo: unknown;
}

const wordRecords = new WeakMap<Analysis, readonly WordRecord[]>();

/** Keep the word records of an analysis analyzeText made, one per token. */
export function keepWordRecords(analysis: Analysis, words: readonly WordRecord[]): void {
  wordRecords.set(analysis, words);
}

/**
 * Per token of an analysis analyzeText made, the record of its word; undefined
 * for an analysis made otherwise or holding a run kept from wink.
 */
export function readWordRecords(analysis: Analysis): readonly WordRecord[] | undefined {
  return wordRecords.get(analysis);
}

/** What analyzeText remembers of one word. */
export interface WordFacts extends WordRecord {
  /** wink's token type; undefined until the word is first met outside a contraction */
  type: string | undefined;
  stop: boolean;
  /** the POS tag the word was first seen with, and its lower-case lemma (most words keep one tag) */
  pos: string;
  lemma: string;
  /** lower-case lemmas for further POS tags */
  more: Map<string, string> | null;
}

/** Bound on remembered words; unknown words (names, numbers) keep arriving in a long run. */
export const MAX_WORD_FACTS = 200_000;

/** Per wink id, 1 + the index of its record in `records` (0: none). */
let slotOf = new Int32Array(1 << 17);
let records: WordFacts[] = [];

/** The record of the word wink numbers `id`, if kept. */
export function findWordFacts(id: number): WordFacts | undefined {
  const slot = id < slotOf.length ? slotOf[id] : 0;
  return slot === 0 ? undefined : records[slot - 1];
}

/** A new record, with the text only, for the word wink numbers `id`. */
export function addWordFacts(id: number, value: string): WordFacts {
  if (records.length >= MAX_WORD_FACTS) {
    slotOf.fill(0);
    records = [];
  }
  if (id >= slotOf.length) {
    let size = slotOf.length;
    while (size <= id) size *= 2;
    const grown = new Int32Array(size);
    grown.set(slotOf);
    slotOf = grown;
  }
  const facts: WordFacts = { value, type: undefined, stop: false, pos: '', lemma: '', more: null, memo: null };
  records.push(facts);
  slotOf[id] = records.length;
  return facts;
}
