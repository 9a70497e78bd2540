/**
 * Answers that depend only on a token's text, lemma and part of speech,
 * remembered per word form across texts. News repeats a small vocabulary, so
 * a detector's look-ups (lexicon entries, pattern words, verb lemmas) run once
 * per form instead of once per token.
 */
import type { Token } from '../nlp/index.js';

/** A memo: the remembered answer for the token's form, computed on first sight. */
export type FormMemo<V> = (token: Token, compute: (token: Token) => V) => V;

interface Remembered<V> {
  lemma: string;
  pos: string;
  value: V;
}

/**
 * Make a memo keyed by the token's text (wink hands its token texts out as
 * shared strings, so no key is built per token), then its lemma and POS.
 * It forgets everything past `limit` texts: unknown words (names, numbers)
 * keep arriving in a long run.
 */
export function createFormMemo<V>(limit = 100_000): FormMemo<V> {
  const byText = new Map<string, Remembered<V>[]>();
  return (token, compute) => {
    let forms = byText.get(token.text);
    if (forms) {
      for (const f of forms) if (f.lemma === token.lemma && f.pos === token.pos) return f.value;
    } else {
      if (byText.size >= limit) byText.clear();
      byText.set(token.text, (forms = []));
    }
    const value = compute(token);
    forms.push({ lemma: token.lemma, pos: token.pos, value });
    return value;
  };
}
