/**
 * pairing: the one pairing decision — two prepared quotes in, whether they are
 * the same statement (a calibrated probability from the trained model), how
 * they relate, what was altered and why, out. Used by `retold analyze`, by
 * import, by `retold compare` and by the training script, so what is trained
 * is what runs.
 */
import type { Alteration } from './alterations.js';
import type { QuoteFeatures } from './features.js';
import { predictSplitModel } from './split-model.js';
import { PAIRING_WEIGHTS, type PairingWeights } from './model.js';
import { OWN_WORDS_ALIGNED, STRETCH_RATIO } from './pair-bound.js';
import { FEATURE_NAMES } from './feature-names.js';
import { measureQuotes, type PairMeasure } from './pair-features.js';
import { listReasons } from './reasons.js';
import type { SpeakerMatch } from '../speakers/index.js';
import type { Relation } from './index.js';

/** The verdict on two quotes. */
export interface PairDecision {
  /** calibrated probability that the two are the same statement */
  score: number;
  same: boolean;
  relation: Relation;
  /** what the second version changed (found whatever the decision: a reviewer may link the two); a pair with alterations is a possible misquote */
  alterations: Alteration[];
  reasons: string[];
}

const ALIGNED = FEATURE_NAMES.indexOf('aligned-score');
const LENGTH_RATIO = FEATURE_NAMES.indexOf('length-ratio');

/**
 * One known speaker's words retold: a partial quote, or reported speech of a
 * stretch of a longer quote (at most 70% of its words), pairs when the stretch aligns well enough even
 * where the learned model, which paraphrase corpora taught almost nothing of
 * that shape, stays below its threshold. The cut is the alignment score's
 * former threshold (0.44, chosen on our statement table) less the former
 * same-speaker bonus (0.08).
 */
function isOwnWordsRetold(features: number[], speakers: SpeakerMatch): boolean {
  return speakers === 'same' && features[LENGTH_RATIO] < STRETCH_RATIO && features[ALIGNED] >= OWN_WORDS_ALIGNED;
}

/** The score of two measured quotes and whether they are the same statement. */
function judge(m: PairMeasure, speakers: SpeakerMatch, weights: PairingWeights): { score: number; same: boolean } {
  // the same words are the same quote, however little they say ("We will not back down")
  const verbatim = m.alignment.surface === 'verbatim';
  const score = verbatim ? 1 : Math.round(predictSplitModel(weights.model, m.features) * 1000) / 1000;
  return { score, same: score >= weights.threshold || isOwnWordsRetold(m.features, speakers) };
}

/** The decision on two measured quotes, with its reasons. */
function decideMeasured(
  m: PairMeasure,
  speakers: SpeakerMatch,
  { score, same }: { score: number; same: boolean },
): PairDecision {
  return {
    score,
    same,
    relation: m.alignment.surface ?? 'paraphrase',
    alterations: m.alterations,
    reasons: listReasons(m.alignment, m.alterations, speakers),
  };
}

/** Decide whether two prepared quotes are the same statement, and what the second changed. */
export function decidePair(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch = 'unknown',
  weights: PairingWeights = PAIRING_WEIGHTS,
): PairDecision {
  const m = measureQuotes(x, y, speakers);
  if (!m) return { score: 0, same: false, relation: 'paraphrase', alterations: [], reasons: ['nothing in common'] };
  return decideMeasured(m, speakers, judge(m, speakers, weights));
}

/**
 * The decision on two quotes when they are a pair, else undefined — the same
 * pairs as decidePair, found faster: a pair the bound of pair-bound.ts rules
 * out is never aligned (pairing needs no score for a pair it does not make).
 */
export function decideIfPaired(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch = 'unknown',
  weights: PairingWeights = PAIRING_WEIGHTS,
): PairDecision | undefined {
  const m = measureQuotes(x, y, speakers, weights);
  const verdict = m && judge(m, speakers, weights);
  // reasons are written only for the pairs made
  return m && verdict?.same ? decideMeasured(m, speakers, verdict) : undefined;
}
