/**
 * pairing: compare two statement texts directly (`retold compare --jsonl`).
 */
import type { WordVectors } from '../vectors/table.js';
import { prepareStatement } from './features.js';
import { scoreFeatures } from './score.js';
import { PAIR_THRESHOLD } from './threshold.js';
import type { Relation } from './index.js';

/** The verdict on two statements. */
export interface StatementComparison {
  score: number;
  /** the pairing decision at PAIR_THRESHOLD */
  same: boolean;
  /** how the two relate when they are the same statement, else null */
  relation: Relation | null;
  reasons: string[];
}

/** Score two statements without speakers and decide whether they are the same statement. */
export function compareStatements(a: string, b: string, vectors?: WordVectors): StatementComparison {
  if (typeof a !== 'string' || typeof b !== 'string') throw new TypeError('pairing: compareStatements expects two strings');
  const s = scoreFeatures(prepareStatement(a, vectors), prepareStatement(b, vectors));
  const score = Math.round(s.score * 1000) / 1000;
  const same = score >= PAIR_THRESHOLD;
  return { score, same, relation: same ? s.relation : null, reasons: s.reasons };
}
