/**
 * pairing: the trained decision — a logistic regression over the features of
 * pair-features.ts, trained by scripts/train-pairing.ts (msrp/train and our own
 * pair tables, seeded) and committed as data/models/pairing.json with the
 * data's name, the date, the seed and the cross-validated figures. The app
 * loads only these weights.
 */
import weights from '../../data/models/pairing.json' with { type: 'json' };
import type { SplitModel } from './split-model.js';
import { FEATURE_NAMES } from './feature-names.js';

/** The weights file: the model, its threshold, and where they came from. */
export interface PairingWeights {
  about: string;
  data: string[];
  trained: string;
  seed: number;
  /** probability from which two quotes are the same statement */
  threshold: number;
  crossValidation: Record<string, number | string>;
  model: SplitModel;
}

/** Check a weights file against the features this code computes. */
export function checkWeights(w: PairingWeights): PairingWeights {
  const names = w?.model?.whole?.features;
  if (!Array.isArray(names) || names.join() !== FEATURE_NAMES.join()) {
    throw new Error(
      `pairing: the weights in data/models/pairing.json are for other features (${JSON.stringify(names)}); run npm run train pairing`,
    );
  }
  return w;
}

/** The committed model. */
export const PAIRING_WEIGHTS: PairingWeights = checkWeights(weights as PairingWeights);
