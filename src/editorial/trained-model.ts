/**
 * The trained editorial model shipped with retold (data/models/editorial.json,
 * written by `npm run train editorial`), checked once at load.
 */
import stored from '../../data/models/editorial.json' with { type: 'json' };
import type { EditorialModel } from './model.js';

function checkModel(value: unknown): EditorialModel {
  const m = value as Partial<EditorialModel>;
  const ok = (w: unknown) => typeof w === 'object' && w !== null && typeof (w as { threshold?: unknown }).threshold === 'number' && Array.isArray((w as { vector?: unknown }).vector);
  if (!m || !ok(m.word) || !ok(m.sentence)) throw new Error('editorial: data/models/editorial.json is not an editorial model (word, sentence)');
  return m as EditorialModel;
}

/** The shipped model. */
export const editorialModel: EditorialModel = checkModel(stored);
