/**
 * pairing: compare two quote texts directly (`retold compare --jsonl`).
 */
import type { WordVectors } from '../vectors/table.js';
import type { Alteration } from './alterations.js';
import { decidePair } from './decide.js';
import { prepareQuote } from './features.js';
import type { Relation } from './index.js';

/** The verdict on two quotes. */
export interface QuoteComparison {
  /** calibrated probability that they are the same statement */
  score: number;
  /** the pairing decision at PAIR_THRESHOLD */
  same: boolean;
  /** how the two relate when they are the same statement, else null */
  relation: Relation | null;
  /** what the second changed (empty when nothing, or when they are not the same statement) */
  altered: Alteration[];
  reasons: string[];
}

/** Decide without speakers whether two quotes are the same statement, and what the second altered. */
export function compareQuotes(a: string, b: string, vectors?: WordVectors): QuoteComparison {
  if (typeof a !== 'string' || typeof b !== 'string') throw new TypeError('pairing: compareQuotes expects two strings');
  const d = decidePair(prepareQuote(a, vectors), prepareQuote(b, vectors));
  return {
    score: d.score,
    same: d.same,
    relation: d.same ? d.relation : null,
    altered: d.same ? d.alterations : [],
    reasons: d.reasons,
  };
}
