/**
 * quotes/speaker-ranker: the learned choice among the candidates of
 * speaker-candidates.ts for a quotation no rule attributes (issue 13). A
 * logistic regression (pairing/logistic.ts) trained by
 * scripts/train-speakers.ts on PolNeAR train, seeded, committed as
 * data/models/speakers.json with its cross-validated figures; the app loads
 * only these weights. The best candidate speaks when the model gives it at
 * least the threshold.
 */
import weights from '../../data/models/speakers.json' with { type: 'json' };
import { predictLogistic, type LogisticModel } from '../pairing/logistic.js';
import { CANDIDATE_FEATURES, type Candidate } from './speaker-candidates.js';

/** The weights file: the model, its threshold, and where they came from. */
export interface SpeakerWeights {
  about: string;
  data: string;
  trained: string;
  seed: number;
  threshold: number;
  crossValidation: Record<string, number | string>;
  model: LogisticModel;
}

/** Check a weights file against the features this code computes. */
export function checkSpeakerWeights(w: SpeakerWeights): SpeakerWeights {
  const names = w?.model?.features;
  if (!Array.isArray(names) || names.join() !== CANDIDATE_FEATURES.join())
    throw new Error(
      `quotes: the weights in data/models/speakers.json are for other features (${JSON.stringify(names)}); run npm run train speakers`,
    );
  return w;
}

/** The committed model. */
export const SPEAKER_WEIGHTS: SpeakerWeights = checkSpeakerWeights(weights as SpeakerWeights);

/** The candidate the model ranks first with its probability, or null when there is none. */
export function rankCandidates(
  candidates: Candidate[],
  model: LogisticModel = SPEAKER_WEIGHTS.model,
): { candidate: Candidate; p: number } | null {
  let best: { candidate: Candidate; p: number } | null = null;
  for (const c of candidates) {
    const p = predictLogistic(model, c.x);
    if (!best || p > best.p) best = { candidate: c, p };
  }
  return best;
}

/** The speaker the model picks, or null when no candidate reaches the threshold. */
export function chooseSpeaker(candidates: Candidate[], weights: SpeakerWeights = SPEAKER_WEIGHTS): Candidate | null {
  const best = rankCandidates(candidates, weights.model);
  return best && best.p >= weights.threshold ? best.candidate : null;
}
