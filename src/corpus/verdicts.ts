/**
 * The fact-check workflow of a pair, shared by the pages, the API and the CLI:
 * suggested → confirmed → verdict given → second review done, with "needs
 * second review" and assignment to a reviewer. Every change goes into the
 * history with the record before and after.
 *
 * Decisions:
 * - Giving a verdict on a suggested pair confirms it first (a reviewer who
 *   rates a retelling has judged it the same statement); a rejected pair gets
 *   no verdict.
 * - The second review is done by someone else than the verdict's reviewer.
 *   A second reviewer who disagrees gives a new verdict instead, which then
 *   waits for a second review by someone else.
 * - Changing a verdict after its second review opens it again (state back to
 *   verdict given): the review was of the old verdict.
 */
import type { Db } from '../db.js';
import { getQuote, listQuotesOfArticle, type QuoteRow } from '../store/quotes.js';
import { getPair, type PairRow } from '../store/pairs.js';
import { getUserByName, type UserRow } from '../store/users.js';
import {
  ensureVerdict,
  findVerdict,
  getVerdict,
  insertVerdictHistory,
  listVerdictHistory,
  updateVerdict,
  type VerdictFields,
  type VerdictHistoryRow,
  type VerdictRow,
  type VerdictSide,
} from '../store/verdicts.js';
import { reviewPair } from './pairs.js';
import { getOfferedRating } from './verdict-scale.js';

/** Where a pair is in the fact-check workflow. */
export type WorkflowState = 'suggested' | 'confirmed' | 'rejected' | 'verdict-given' | 'second-review-done';

/** Longest rationale, as for annotation notes. */
export const maxRationaleLength = 10_000;

/** A pair with its fact-check record. */
export interface PairVerdict {
  pair: PairRow;
  state: WorkflowState;
  verdict: VerdictRow | null;
}

/** The outcome of a workflow step. */
export type VerdictResult =
  | { status: 'ok'; result: PairVerdict }
  | { status: 'not-found'; error: string }
  | { status: 'invalid'; error: string }
  | { status: 'conflict'; error: string };

/** The person acting. */
export interface VerdictActor {
  id: number;
}

function sideOf(q: QuoteRow): VerdictSide {
  return { articleId: q.articleId, start: q.start, text: q.text };
}

function sidesOf(db: Db, pair: PairRow): [VerdictSide, VerdictSide] {
  return [sideOf(getQuote(db, pair.quoteA)!), sideOf(getQuote(db, pair.quoteB)!)];
}

/** The workflow state of a pair given its record. */
export function workflowState(
  pair: Pick<PairRow, 'status'>,
  verdict: Pick<VerdictRow, 'state'> | null | undefined,
): WorkflowState {
  if (pair.status === 'rejected') return 'rejected';
  if (verdict && verdict.state !== 'open') return verdict.state;
  return pair.status;
}

/** A pair and its record, or undefined when there is no such pair. */
export function getPairVerdict(db: Db, pairId: number): PairVerdict | undefined {
  const pair = getPair(db, pairId);
  if (!pair) return undefined;
  const verdict = findVerdict(db, ...sidesOf(db, pair)) ?? null;
  return { pair, state: workflowState(pair, verdict), verdict };
}

/** The records of the pairs between two articles, by the pair's quote ids (for the comparison page). */
export function verdictsOfPairs(db: Db, pairs: PairRow[]): Map<number, PairVerdict> {
  return new Map(pairs.map((p) => [p.id, getPairVerdict(db, p.id)!]));
}

/** A pair's record with its history. */
export function getPairVerdictHistory(
  db: Db,
  pairId: number,
): (PairVerdict & { history: VerdictHistoryRow[] }) | undefined {
  const pv = getPairVerdict(db, pairId);
  if (!pv) return undefined;
  return { ...pv, history: pv.verdict ? listVerdictHistory(db, pv.verdict.id) : [] };
}

/** A record and its history by the record's id. */
export function getVerdictWithHistory(
  db: Db,
  id: number,
): { verdict: VerdictRow; history: VerdictHistoryRow[] } | undefined {
  const verdict = getVerdict(db, id);
  return verdict && { verdict, history: listVerdictHistory(db, id) };
}

const fieldsOf = (v: VerdictRow): VerdictFields => ({
  state: v.state,
  ratingId: v.ratingId,
  rationale: v.rationale,
  reviewerId: v.reviewerId,
  givenAt: v.givenAt,
  needsSecondReview: v.needsSecondReview,
  secondReviewerId: v.secondReviewerId,
  secondReviewedAt: v.secondReviewedAt,
  assigneeId: v.assigneeId,
});

/** What the history keeps of a record: the fields with names, not ids. */
function snapshot(v: VerdictRow): Record<string, unknown> {
  return {
    state: v.state,
    rating: v.ratingId,
    rationale: v.rationale,
    reviewer: v.reviewerName,
    givenAt: v.givenAt,
    needsSecondReview: v.needsSecondReview,
    secondReviewer: v.secondReviewerName,
    secondReviewedAt: v.secondReviewedAt,
    assignee: v.assigneeName,
  };
}

/**
 * Run one step on a pair's record: `step` returns the new fields (or an
 * error); the change and the history entry are written in one transaction.
 */
function step(
  db: Db,
  pairId: number,
  actor: VerdictActor,
  action: VerdictHistoryRow['action'],
  change: (pv: PairVerdict, record: VerdictRow) => VerdictFields | Exclude<VerdictResult, { status: 'ok' }>,
  extra: Record<string, unknown> = {},
): VerdictResult {
  try {
    return db
      .transaction((): VerdictResult => {
        const pv = getPairVerdict(db, pairId);
        if (!pv) return { status: 'not-found', error: `verdict: no pair with id ${pairId}` };
        const record = getVerdict(db, ensureVerdict(db, ...sidesOf(db, pv.pair)))!;
        const next = change(pv, record);
        // a refused step leaves no trace, not even the empty record made for it
        if ('status' in next) throw new Refused(next);
        updateVerdict(db, record.id, next);
        const after = getVerdict(db, record.id)!;
        insertVerdictHistory(db, {
          verdictId: record.id,
          userId: actor.id,
          action,
          before: snapshot(record),
          after: { ...snapshot(after), ...extra },
        });
        return { status: 'ok', result: getPairVerdict(db, pairId)! };
      })
      .immediate();
  } catch (err) {
    if (err instanceof Refused) return err.result;
    throw err;
  }
}

/** Thrown inside a step's transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly result: Exclude<VerdictResult, { status: 'ok' }>) {
    super(result.error);
  }
}

/** Record a confirm, reject or restore of a pair in its history (the pair review itself is done by reviewPair). */
export function recordPairDecision(
  db: Db,
  pairId: number,
  actor: VerdictActor,
  action: 'confirm' | 'reject' | 'restore',
): void {
  step(db, pairId, actor, action, (_pv, record) => fieldsOf(record), { pairStatus: getPair(db, pairId)?.status });
}

/** Input of a verdict. */
export interface VerdictInput {
  rating: string;
  rationale: string;
  needsSecondReview?: boolean;
}

/** Give (or change) the verdict of a pair; a suggested pair is confirmed first. */
export function giveVerdict(db: Db, pairId: number, actor: VerdictActor, input: VerdictInput): VerdictResult {
  const rationale = input.rationale.trim();
  if (!getOfferedRating(db, input.rating))
    return { status: 'invalid', error: `verdict: ${JSON.stringify(input.rating)} is not a rating of the scale` };
  if (!rationale) return { status: 'invalid', error: 'verdict: write the rationale' };
  if (rationale.length > maxRationaleLength)
    return { status: 'invalid', error: `verdict: the rationale is longer than ${maxRationaleLength} characters` };
  return db
    .transaction((): VerdictResult => {
      const pair = getPair(db, pairId);
      if (!pair) return { status: 'not-found', error: `verdict: no pair with id ${pairId}` };
      if (pair.status === 'rejected')
        return {
          status: 'conflict',
          error: 'verdict: the pair was rejected as not the same statement; restore it first',
        };
      if (pair.status === 'suggested') {
        reviewPair(db, pairId, 'confirmed');
        recordPairDecision(db, pairId, actor, 'confirm');
      }
      return step(db, pairId, actor, 'verdict', (_pv, r) => ({
        ...fieldsOf(r),
        state: 'verdict-given',
        ratingId: input.rating,
        rationale,
        reviewerId: actor.id,
        givenAt: new Date().toISOString(),
        needsSecondReview: input.needsSecondReview ?? false,
        secondReviewerId: null,
        secondReviewedAt: null,
      }));
    })
    .immediate();
}

/** Mark a verdict as needing a second review (a done review is opened again). */
export function requestSecondReview(db: Db, pairId: number, actor: VerdictActor): VerdictResult {
  return step(db, pairId, actor, 'request-second-review', (_pv, r) => {
    if (r.state === 'open')
      return { status: 'conflict', error: 'verdict: give a verdict before asking for its second review' };
    return {
      ...fieldsOf(r),
      state: 'verdict-given',
      needsSecondReview: true,
      secondReviewerId: null,
      secondReviewedAt: null,
    };
  });
}

/** Record the second review of a verdict by someone else than its reviewer. */
export function completeSecondReview(db: Db, pairId: number, actor: VerdictActor, note?: string): VerdictResult {
  if (note && note.length > maxRationaleLength)
    return { status: 'invalid', error: `verdict: the note is longer than ${maxRationaleLength} characters` };
  return step(
    db,
    pairId,
    actor,
    'second-review',
    (pv, r) => {
      if (pv.state !== 'verdict-given')
        return {
          status: 'conflict',
          error: `verdict: a second review needs a verdict waiting for it (the pair is ${pv.state})`,
        };
      if (r.reviewerId === actor.id)
        return {
          status: 'conflict',
          error: 'verdict: the second review is done by someone else than the verdict’s reviewer',
        };
      return {
        ...fieldsOf(r),
        state: 'second-review-done',
        needsSecondReview: false,
        secondReviewerId: actor.id,
        secondReviewedAt: new Date().toISOString(),
        assigneeId: r.assigneeId === actor.id ? null : r.assigneeId,
      };
    },
    note?.trim() ? { note: note.trim() } : {},
  );
}

/** Assign a pair's fact-check to a reviewer (by user name), or unassign it with null. */
export function assignVerdict(db: Db, pairId: number, actor: VerdictActor, assignee: string | null): VerdictResult {
  let user: UserRow | undefined;
  if (assignee !== null) {
    user = getUserByName(db, assignee);
    if (!user || user.disabled || user.role === 'viewer')
      return { status: 'invalid', error: `verdict: ${JSON.stringify(assignee)} is not a reviewer here` };
  }
  return step(db, pairId, actor, 'assign', (_pv, r) => ({ ...fieldsOf(r), assigneeId: user?.id ?? null }));
}

/** Find an article's quote with these words, nearest to where it was. */
export function findQuoteOfSide(db: Db, side: VerdictSide): QuoteRow | undefined {
  const candidates = listQuotesOfArticle(db, side.articleId).filter((q) => q.text === side.text);
  return candidates.sort((a, b) => Math.abs(a.start - side.start) - Math.abs(b.start - side.start))[0];
}
