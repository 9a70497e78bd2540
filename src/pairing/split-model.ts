/**
 * pairing: two logistic models, one per shape of pair. Two versions of
 * comparable length (a retold sentence) are judged by one, over every
 * feature; a short retelling of a stretch of a longer quote (a partial quote,
 * reported speech) by the other, over the few features that mean the same
 * there — the alignment of the stretch and the speaker — because paraphrase
 * corpora hold almost none of that shape to learn the rest from.
 */
import { fitLogistic, predictLogistic, type LogisticModel, type TrainingRow } from './logistic.js';
import { FEATURE_NAMES } from './feature-names.js';

/** The two models and the length ratio that chooses between them. */
export interface SplitModel {
  /** shorter words / longer words below which a pair is a part retold */
  partBelow: number;
  whole: LogisticModel;
  /** over the features it names, a subset of FEATURE_NAMES */
  part: LogisticModel;
}

/** Features of the part model. */
export const PART_FEATURES = [
  'aligned-score',
  'evidence',
  'same-speaker',
  'different-speakers',
  'same-speaker-aligned',
];

const LENGTH_RATIO = FEATURE_NAMES.indexOf('length-ratio');
const PART_INDEX = PART_FEATURES.map((n) => FEATURE_NAMES.indexOf(n));
const selectPart = (x: number[]) => PART_INDEX.map((k) => x[k]);

/** Is this pair (its feature vector) a part of a longer quote retold? */
export function isPartRetold(model: Pick<SplitModel, 'partBelow'>, x: number[]): boolean {
  return x[LENGTH_RATIO] < model.partBelow;
}

/** Fit both models, each on the rows of its shape. */
export function fitSplitModel(rows: TrainingRow[], partBelow: number, l2: number, squares = false): SplitModel {
  const part = rows.filter((r) => isPartRetold({ partBelow }, r.x)).map((r) => ({ ...r, x: selectPart(r.x) }));
  const whole = rows.filter((r) => !isPartRetold({ partBelow }, r.x));
  return {
    partBelow,
    whole: fitLogistic(FEATURE_NAMES, whole, l2, squares),
    part: fitLogistic(PART_FEATURES, part, l2),
  };
}

/** The probability that the pair is the same statement. */
export function predictSplitModel(model: SplitModel, x: number[]): number {
  return isPartRetold(model, x) ? predictLogistic(model.part, selectPart(x)) : predictLogistic(model.whole, x);
}
