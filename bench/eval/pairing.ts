/**
 * Evaluation of the pairing decision on msrp/train (10-fold cross-validation,
 * beside a word-overlap (Jaccard) threshold tuned in the same folds), on our
 * statement and misquote tables (out of fold, and as the app decides with the
 * committed weights). Floors sit just under the figures reached, so a
 * regression fails; null when ../shared/dev/msrp is absent.
 */
import { decidePairInContext, matchSpeakers, prepareQuote } from '../../src/pairing/index.js';
import { loadVectors } from '../../src/vectors/load.js';
import { crossValidate, summarize, type SourceFigures } from './pairing-cv.js';
import { measureCandidates, measureMsrp, measureOwnTables, prepareLater, readTable } from './pairing-data.js';

/** Floors on msrp/train, cross-validated (the issue asks for accuracy 0.75 and F1 0.82). */
export const MSRP_FLOORS = { accuracy: 0.75, f1: 0.82, auc: 0.8 };
/** Floors on the misquote table as the app decides. */
export const MISQUOTE_FLOORS = { recall: 0.95, faithful: 0.95 };

/** All figures of the section. */
export interface PairingFigures {
  msrp: { model: SourceFigures; baseline: SourceFigures };
  statements: SourceFigures;
  misquotesOutOfFold: SourceFigures;
  misquoteRecall: number;
  faithful: number;
  differentClaimsPaired: number;
}

const f3 = (v: number) => v.toFixed(3);

/** Measure everything; null when msrp is absent. */
export function scorePairing(): PairingFigures | null {
  const vectors = loadVectors();
  const msrp = measureMsrp(vectors);
  if (!msrp) return null;
  const rows = [...msrp, ...measureOwnTables(vectors), ...measureCandidates(vectors, 14)];
  const cv = crossValidate(rows);
  const table = readTable('misquotes.json');
  const decided = table.map((r) => ({
    r,
    d: decidePairInContext(
      prepareQuote(r.a, vectors),
      prepareLater(r, vectors),
      matchSpeakers('Same Speaker', 'Same Speaker'),
    ),
  }));
  const misquotes = decided.filter((x) => (x.r.altered ?? []).length > 0);
  const faithful = decided.filter((x) => x.r.kind === 'faithful');
  return {
    msrp: summarize(rows, cv, 'msrp'),
    statements: summarize(rows, cv, 'statements').model,
    misquotesOutOfFold: summarize(rows, cv, 'misquotes').model,
    misquoteRecall:
      misquotes.filter((x) => x.d.same && JSON.stringify(x.d.alterations) === JSON.stringify(x.r.altered)).length /
      misquotes.length,
    faithful: faithful.filter((x) => x.d.same && x.d.alterations.length === 0).length / faithful.length,
    differentClaimsPaired: decided.filter((x) => !x.r.same && x.d.same).length,
  };
}

/** The printable section and its broken floors. */
export function reportPairing(f: PairingFigures): { lines: string[]; failures: string[] } {
  const { model: m, baseline: b } = f.msrp;
  const lines = [
    `msrp/train, 10-fold cross-validation (${m.n} pairs; a pair is a paraphrase when retold pairs it and finds nothing altered):`,
    `  retold    accuracy ${f3(m.accuracy)}  F1 ${f3(m.f1)}  AUC ${f3(m.auc)}`,
    `  Jaccard   accuracy ${f3(b.accuracy)}  F1 ${f3(b.f1)}  AUC ${f3(b.auc)}   (threshold tuned in the same folds)`,
    `statement table, out of fold: accuracy ${f3(f.statements.accuracy)}  precision ${f3(f.statements.precision)}  recall ${f3(f.statements.recall)}`,
    `misquote table, out of fold: accuracy ${f3(f.misquotesOutOfFold.accuracy)}`,
    `misquote table as the app decides: misquotes paired with the right alteration ${f3(f.misquoteRecall)}, faithful trims paired with nothing altered ${f3(f.faithful)}, different claims paired ${f.differentClaimsPaired}`,
  ];
  const failures: string[] = [];
  if (m.accuracy < MSRP_FLOORS.accuracy) failures.push(`msrp accuracy ${f3(m.accuracy)} < ${MSRP_FLOORS.accuracy}`);
  if (m.f1 < MSRP_FLOORS.f1) failures.push(`msrp F1 ${f3(m.f1)} < ${MSRP_FLOORS.f1}`);
  if (m.auc < MSRP_FLOORS.auc) failures.push(`msrp AUC ${f3(m.auc)} < ${MSRP_FLOORS.auc}`);
  if (m.accuracy <= b.accuracy)
    failures.push(`msrp accuracy ${f3(m.accuracy)} not above the word-overlap baseline ${f3(b.accuracy)}`);
  if (f.misquoteRecall < MISQUOTE_FLOORS.recall)
    failures.push(`misquote recall ${f3(f.misquoteRecall)} < ${MISQUOTE_FLOORS.recall}`);
  if (f.faithful < MISQUOTE_FLOORS.faithful)
    failures.push(`faithful trims ${f3(f.faithful)} < ${MISQUOTE_FLOORS.faithful}`);
  if (f.differentClaimsPaired > 0) failures.push(`${f.differentClaimsPaired} different claims paired`);
  return { lines, failures };
}
