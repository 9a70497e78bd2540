/**
 * pairing: find the versions of the same statement across articles. Pure:
 * texts and plain objects in, plain objects out; the word vectors come in as
 * an argument (load them with src/vectors/load.ts). In this module a quote is
 * one version; a statement is the cluster of paired quotes (statements.ts).
 */
import type { Alteration } from './alterations.js';
import type { QuoteClause } from './quote-clause.js';

/**
 * How two versions relate. `gist` is no longer suggested (a quote on the same
 * topic with another claim is no pair); it stays readable for stored pairs.
 */
export type Relation = 'verbatim' | 'near-verbatim' | 'trimmed' | 'paraphrase' | 'gist';

/** A quote as pairing sees it. */
export interface PairingQuote {
  /** a key unique across the corpus (store id, or "article:index" in memory) */
  id: string;
  article: string;
  text: string;
  speaker: string | null;
  kind: string;
  published?: string | null;
  /** the clause of its sentence around it, when its article is known (quote-clause.ts) */
  clause?: QuoteClause;
}

/** A suggested pair with its score, relation, alterations and reasons. */
export interface PairSuggestion {
  a: string;
  b: string;
  score: number;
  relation: Relation;
  /** what b changed from a; a pair with alterations is a possible misquote */
  alterations: Alteration[];
  reasons: string[];
}

export { PAIR_THRESHOLD } from './threshold.js';

export type { WordVectors } from '../vectors/table.js';
export { prepareQuote, type QuoteFeatures, type ContentWord } from './features.js';
export { alignQuotes, type QuoteAlignment, type Substitution } from './score.js';
export { relateWords } from './word-match.js';
export { detectSurfaceRelation } from './surface.js';
export { findAlterations, type Alteration, type AlterationKind } from './alterations.js';
export {
  describeAlteration,
  orientAlterations,
  isMisquote,
  compareMisquotesFirst,
  MISQUOTE_LABEL,
  type AlterationLike,
} from './misquote.js';
export { decidePair, type PairDecision } from './decide.js';
export { decidePairInContext, findContextAlterations } from './context-change.js';
export { readQuoteClause, type QuoteClause } from './quote-clause.js';
export { FEATURE_NAMES, measurePair, measureQuotes, mayPair } from './pair-features.js';
export { fitLogistic, predictLogistic, type LogisticModel, type TrainingRow } from './logistic.js';
export { PAIRING_WEIGHTS, checkWeights, type PairingWeights } from './model.js';
export { fitSplitModel, predictSplitModel, isPartRetold, type SplitModel } from './split-model.js';
export { matchSpeakers, splitSpeakerName, type SpeakerMatch } from '../speakers/index.js';
export {
  listIndexTerms,
  rankCandidates,
  rememberPostings,
  DEFAULT_RETRIEVAL,
  type PostingSource,
  type RetrievalOptions,
} from './candidates.js';
export { canPair, pairQuote, prepareForPairing, type PreparedQuote } from './pair-quote.js';
export {
  createPairIndex,
  addToIndex,
  removeFromIndex,
  findPairsFor,
  pairCorpus,
  type PairIndex,
} from './pair-index.js';
export { groupStatements, type Statement, type StatementVersion } from './statements.js';
export { compareQuotes, type QuoteComparison } from './compare.js';
