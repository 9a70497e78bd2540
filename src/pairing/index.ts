/**
 * pairing: find the versions of the same statement across articles. Pure.
 */

export type Relation = 'verbatim' | 'near-verbatim' | 'trimmed' | 'paraphrase' | 'gist';

/** A statement version as pairing sees it. */
export interface PairingQuote {
  /** a key unique across the corpus (store id, or "article:index" in memory) */
  id: string;
  article: string;
  text: string;
  speaker: string | null;
  kind: string;
  published?: string | null;
}

/** A suggested pair with its score, relation and reasons. */
export interface PairSuggestion {
  a: string;
  b: string;
  score: number;
  relation: Relation;
  reasons: string[];
}
