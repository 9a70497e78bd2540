/**
 * The trained editorial model shipped with retold (data/models/editorial.json,
 * written by `npm run train editorial`), checked once at load.
 */
import stored from '../../data/models/editorial.json' with { type: 'json' };
import type { WordVectors } from '../vectors/table.js';
import type { EditorialOptions } from './index.js';
import { MIN_EDITORIAL_THRESHOLD, type EditorialModel } from './model.js';

export { MIN_EDITORIAL_THRESHOLD };

function checkModel(value: unknown): EditorialModel {
  const m = value as Partial<EditorialModel>;
  const ok = (w: unknown) =>
    typeof w === 'object' &&
    w !== null &&
    typeof (w as { threshold?: unknown }).threshold === 'number' &&
    Array.isArray((w as { vector?: unknown }).vector);
  if (!m || !ok(m.word) || !ok(m.sentence))
    throw new Error('editorial: data/models/editorial.json is not an editorial model (word, sentence)');
  if (typeof m.suggestFrom !== 'number' || !(m.suggestFrom >= MIN_EDITORIAL_THRESHOLD && m.suggestFrom <= 1))
    throw new Error(
      `editorial: data/models/editorial.json has no default threshold suggestFrom in [${MIN_EDITORIAL_THRESHOLD}, 1] (got ${JSON.stringify(m.suggestFrom)}); run npm run train editorial`,
    );
  return m as EditorialModel;
}

/** The shipped model. */
export const editorialModel: EditorialModel = checkModel(stored);

/**
 * The confidence from which the model's own words are suggested by default
 * (`retold tag`, `retold analyze`, a reviewer who has not chosen): chosen by
 * `npm run train editorial` on MBIC cross-validation and stored with the
 * weights (see pickSuggestionThreshold). Lexicon and pattern spans are always
 * suggested.
 */
export const DEFAULT_EDITORIAL_THRESHOLD: number = editorialModel.suggestFrom!;

/** The sentence bias score from which a sentence counts as likely biased (the model's cross-validated threshold). */
export const SENTENCE_BIAS_THRESHOLD = editorialModel.sentence.threshold;

/** Editorial options for the shipped model: every rule span, the model's words from `minConfidence`. */
export function withTrainedModel(vectors: WordVectors, minConfidence = DEFAULT_EDITORIAL_THRESHOLD): EditorialOptions {
  return { model: editorialModel, vectors, keepRules: true, minConfidence };
}
