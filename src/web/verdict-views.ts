/** What pages with pairs need for the verdict panel under each pair. */
import type { Db } from '../db.js';
import { verdictsOfPairs } from '../corpus/verdicts.js';
import { listScale } from '../corpus/verdict-scale.js';
import type { PairRow } from '../store/pairs.js';
import { listUsers, type UserRow } from '../store/users.js';
import { renderNote } from '../reports/note.js';

/** Accounts a pair can be assigned to. */
export function reviewersOf(d: Db): UserRow[] {
  return listUsers(d).filter((u) => !u.disabled && u.role !== 'viewer');
}

/** What the verdict panel under each pair needs (comparison and statement pages). */
export function viewVerdicts(d: Db, pairs: PairRow[]) {
  const records = verdictsOfPairs(d, pairs);
  return {
    verdictOf: (pairId: number) => records.get(pairId)!,
    verdictScale: listScale(d),
    reviewers: reviewersOf(d),
    renderNote,
  };
}
