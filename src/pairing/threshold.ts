/**
 * pairing: the decision threshold, in its own module so every pairing module
 * can import it without an import cycle through index.ts.
 */
import { PAIRING_WEIGHTS } from './model.js';

/**
 * Probability from which two quotes are the same statement: chosen by the
 * training script by cross-validation on its training data (never on a
 * development set held out for evaluation) and stored with the weights.
 */
export const PAIR_THRESHOLD: number = PAIRING_WEIGHTS.threshold;
