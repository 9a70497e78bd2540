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
import { FEATURE_NAMES, measureQuotes } from './pair-features.js';
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

/** Alignment score from which one speaker's quote retells a stretch of another of theirs (the hand-set cut, see below). */
const OWN_WORDS_ALIGNED = 0.36;
const ALIGNED = FEATURE_NAMES.indexOf('aligned-score');
const LENGTH_RATIO = FEATURE_NAMES.indexOf('length-ratio');
/** A retelling at most this share of the longer quote's words retells a stretch of it. */
const STRETCH_RATIO = 0.7;

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

/** Decide whether two prepared quotes are the same statement, and what the second changed. */
export function decidePair(
  x: QuoteFeatures,
  y: QuoteFeatures,
  speakers: SpeakerMatch = 'unknown',
  weights: PairingWeights = PAIRING_WEIGHTS,
): PairDecision {
  const m = measureQuotes(x, y, speakers);
  if (!m) return { score: 0, same: false, relation: 'paraphrase', alterations: [], reasons: ['nothing in common'] };
  // the same words are the same quote, however little they say ("We will not back down")
  const verbatim = m.alignment.surface === 'verbatim';
  const score = verbatim ? 1 : Math.round(predictSplitModel(weights.model, m.features) * 1000) / 1000;
  const same = score >= weights.threshold || isOwnWordsRetold(m.features, speakers);
  return {
    score,
    same,
    relation: m.alignment.surface ?? 'paraphrase',
    alterations: m.alterations,
    reasons: listReasons(m.alignment, m.alterations, speakers),
  };
}
