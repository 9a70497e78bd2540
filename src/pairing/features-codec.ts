/**
 * pairing: quote features as stored text. Features are computed once per
 * quote (the NLP run is the costly part) and kept beside it; the word vectors
 * are not stored but looked up again from the one vector table on reading.
 */
import type { WordVectors } from '../vectors/table.js';
import type { QuoteClause } from './quote-clause.js';
import { averageVector, lookupVector, type ContentWord, type QuoteFeatures } from './features.js';

type StoredWord = Omit<ContentWord, 'vector'>;

/** Features as JSON text, without vectors. */
export function encodeQuoteFeatures(f: QuoteFeatures): string {
  const content: StoredWord[] = f.content.map(({ vector: _vector, ...rest }) => rest);
  return JSON.stringify({ content, words: f.words, sentences: f.sentences, ...(f.clause ? { clause: f.clause } : {}) });
}

/** Features read back from their text and the quote's text, with vectors looked up again. */
export function decodeQuoteFeatures(text: string, stored: string, vectors: WordVectors | undefined): QuoteFeatures {
  const raw = JSON.parse(stored) as { content: StoredWord[]; words: string[]; sentences: number; clause?: QuoteClause };
  const content: ContentWord[] = raw.content.map((w) => ({
    ...w,
    vector: w.kind === 'word' ? lookupVector(vectors, w.key, w.lower).vector : undefined,
  }));
  const f: QuoteFeatures = {
    text,
    content,
    words: raw.words,
    sentences: raw.sentences,
    vector: averageVector(content),
  };
  if (raw.clause) f.clause = raw.clause;
  return f;
}

/** A quote's features as it carries them: made (`features`), stored as text (`encoded`), or neither (undefined). */
export function featuresCarried(
  q: { text: string; features?: QuoteFeatures; encoded?: string },
  vectors: WordVectors | undefined,
): QuoteFeatures | undefined {
  return q.features ?? (q.encoded === undefined ? undefined : decodeQuoteFeatures(q.text, q.encoded, vectors));
}
