/**
 * pairing: find the versions of the same statement across articles. Pure:
 * texts and plain objects in, plain objects out; the word vectors come in as
 * an argument (load them with src/vectors/load.ts).
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

export { PAIR_THRESHOLD } from './threshold.js';

export type { WordVectors } from '../vectors/table.js';
export { prepareStatement, type StatementFeatures, type ContentWord } from './features.js';
export { scoreFeatures, relateWords, detectSurfaceRelation, type StatementScore, type Substitution } from './score.js';
export { matchSpeakers, splitSpeakerName, type SpeakerMatch } from '../speakers/index.js';
export { createPairIndex, addToIndex, removeFromIndex, findPairsFor, pairCorpus, listTerms, DEFAULT_INDEX_OPTIONS, type PairIndex, type PairIndexOptions } from './pair-index.js';
export { groupStatements, type Statement, type StatementVersion } from './statements.js';
export { compareStatements, type StatementComparison } from './compare.js';
