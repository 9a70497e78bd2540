/**
 * Cross-validation of the pairing decision and of the word-overlap baseline,
 * in the same folds. In each fold the logistic model is fitted on the other
 * folds and its threshold tuned there; the held-out fold is only predicted.
 * On msrp a pair counts as a paraphrase when retold pairs it and finds
 * nothing altered; msrp pairs with alterations are left out of fitting (the
 * decision on them does not depend on the model).
 */
import { fitSplitModel, predictSplitModel, type SplitModel, type TrainingRow } from '../../src/pairing/index.js';
import { assignFolds, computeAuc, scoreDecisions, tuneThreshold, type MeasuredPair } from './pairing-data.js';

/** Training settings, stored with the weights. */
export interface TrainingSettings {
  folds: number;
  seed: number;
  /** L2 penalty of the logistic regression */
  l2: number;
  /** weight of a row of our own tables against one msrp row */
  tableWeight: number;
  /** each feature's square is a term too */
  squares: boolean;
  /** weight of a made-up candidate row */
  candidateWeight: number;
  /** length ratio below which the part model judges */
  partBelow: number;
}

export const TRAINING: TrainingSettings = {
  folds: 10,
  seed: 14,
  l2: 1,
  tableWeight: 4,
  squares: false,
  candidateWeight: 1,
  partBelow: 0.6,
};

/** Is the pair the same statement (for msrp: a paraphrase) at this probability and threshold? */
export function decideRow(row: MeasuredPair, p: number, threshold: number): boolean {
  if (!row.x) return false;
  return p >= threshold && (row.source !== 'msrp' || row.alterations.length === 0);
}

/** Score a row for ranking (AUC): msrp pairs with alterations rank as not paraphrases. */
export function rankScore(row: MeasuredPair, p: number): number {
  if (!row.x) return 0;
  return row.source === 'msrp' && row.alterations.length ? p * 0.01 : p;
}

const usable = (r: MeasuredPair) => r.x !== null && !(r.source === 'msrp' && r.alterations.length > 0);

/** Fit the model and tune its threshold on these rows. */
export function fitPairing(
  rows: MeasuredPair[],
  s: TrainingSettings = TRAINING,
): { model: SplitModel; threshold: number } {
  const training: TrainingRow[] = rows.filter(usable).map((r) => ({
    x: r.x!,
    y: r.same,
    weight: r.source === 'msrp' ? 1 : r.source === 'candidates' ? s.candidateWeight : s.tableWeight,
  }));
  const model = fitSplitModel(training, s.partBelow, s.l2, s.squares);
  // the threshold is tuned on the labelled pairs, not on the made-up candidates
  const labelled = rows.filter((r) => r.source !== 'candidates');
  const p = labelled.map((r) => (r.x ? predictSplitModel(model, r.x) : 0));
  const threshold = tuneThreshold(
    p,
    labelled.map((r) => r.same),
    (_, i) => decideRow(labelled[i], 1, 0),
  );
  return { model, threshold };
}

/** Figures of one source over out-of-fold predictions. */
export interface SourceFigures {
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number;
}

/** Out-of-fold predictions for every row, for the model and the baseline. */
export interface CrossValidation {
  p: number[];
  decided: boolean[];
  baseline: boolean[];
  thresholds: number[];
}

/** Run k-fold cross-validation over all rows (msrp and tables together, folds seeded). */
export function crossValidate(rows: MeasuredPair[], s: TrainingSettings = TRAINING): CrossValidation {
  const fold = assignFolds(rows.length, s.folds, s.seed);
  const p = new Array<number>(rows.length).fill(0);
  const decided = new Array<boolean>(rows.length).fill(false);
  const baseline = new Array<boolean>(rows.length).fill(false);
  const thresholds: number[] = [];
  for (let f = 0; f < s.folds; f += 1) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const { model, threshold } = fitPairing(train, s);
    thresholds.push(threshold);
    const labelled = train.filter((r) => r.source !== 'candidates');
    const jt = tuneThreshold(
      labelled.map((r) => r.jaccard),
      labelled.map((r) => r.same),
    );
    rows.forEach((r, i) => {
      if (fold[i] !== f) return;
      p[i] = r.x ? predictSplitModel(model, r.x) : 0;
      decided[i] = decideRow(r, p[i], threshold);
      baseline[i] = r.jaccard >= jt;
    });
  }
  return { p, decided, baseline, thresholds };
}

/** Figures of the rows of one source: the model's and the baseline's. */
export function summarize(
  rows: MeasuredPair[],
  cv: CrossValidation,
  source: MeasuredPair['source'],
): { model: SourceFigures; baseline: SourceFigures } {
  const idx = rows.map((r, i) => (r.source === source ? i : -1)).filter((i) => i >= 0);
  const labels = idx.map((i) => rows[i].same);
  const figures = (decided: boolean[], scores: number[]): SourceFigures => ({
    n: idx.length,
    ...scoreDecisions(decided, labels),
    auc: computeAuc(scores, labels),
  });
  return {
    model: figures(
      idx.map((i) => cv.decided[i]),
      idx.map((i) => rankScore(rows[i], cv.p[i])),
    ),
    baseline: figures(
      idx.map((i) => cv.baseline[i]),
      idx.map((i) => rows[i].jaccard),
    ),
  };
}
