/**
 * pairing: the decision threshold, in its own module so every pairing module
 * can import it without an import cycle through index.ts.
 */

/**
 * Score from which two statements are the same statement. Chosen on the
 * hand-written table in test/fixtures/pairing/statement-pairs.json (best F1
 * there), not on the sample corpus.
 */
export const PAIR_THRESHOLD = 0.44;
