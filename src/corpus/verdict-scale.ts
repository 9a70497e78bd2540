/**
 * The fact-check scale: seeded from data/verdict-scale.json, then managed by
 * admins (rename, change a value, add a rating, retire one).
 */
import type { Db } from '../db.js';
import scaleData from '../../data/verdict-scale.json' with { type: 'json' };
import {
  countRatings,
  getRating,
  insertRatingIfMissing,
  listRatings,
  updateRating,
  type VerdictRatingRow,
} from '../store/verdict-ratings.js';

/** Insert the seed ratings the database lacks; a rating an admin changed is left as it is. Returns how many were inserted. */
export function seedRatings(db: Db): number {
  return db
    .transaction(() => scaleData.ratings.reduce((n, r) => n + (insertRatingIfMissing(db, r) ? 1 : 0), 0))
    .immediate();
}

function ensureRatings(db: Db): void {
  if (countRatings(db) === 0) seedRatings(db);
}

/** The scale, best first (retired ratings too unless asked otherwise). */
export function listScale(db: Db, includeRetired = true): VerdictRatingRow[] {
  ensureRatings(db);
  return listRatings(db, includeRetired);
}

/** The best and worst values of the ratings offered (ClaimReview bestRating and worstRating). */
export function scaleBounds(db: Db): { best: number; worst: number } {
  const values = listScale(db, false).map((r) => r.value);
  return values.length ? { best: Math.max(...values), worst: Math.min(...values) } : { best: 1, worst: 1 };
}

/** A rating offered for new verdicts, or undefined (unknown or retired). */
export function getOfferedRating(db: Db, id: string): VerdictRatingRow | undefined {
  ensureRatings(db);
  const r = getRating(db, id);
  return r && !r.retiredAt ? r : undefined;
}

/** The outcome of a scale change. */
export type RatingResult =
  { status: 'ok'; rating: VerdictRatingRow } | { status: 'invalid'; error: string } | { status: 'not-found' };

/** Input for a new rating. */
export interface RatingInput {
  id?: string;
  label: string;
  value: number;
  description?: string;
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Add a rating to the scale (admins). */
export function addRating(db: Db, input: RatingInput): RatingResult {
  ensureRatings(db);
  const label = input.label.trim();
  if (!label) return { status: 'invalid', error: 'verdict scale: a rating needs a label' };
  const id = input.id?.trim() || slug(label);
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(id))
    return {
      status: 'invalid',
      error: `verdict scale: the id ${JSON.stringify(id)} must be lower-case letters, digits and dashes`,
    };
  if (getRating(db, id))
    return { status: 'invalid', error: `verdict scale: there is already a rating ${JSON.stringify(id)}` };
  if (!Number.isInteger(input.value)) return { status: 'invalid', error: 'verdict scale: the value is a whole number' };
  insertRatingIfMissing(db, { id, label, value: input.value, description: input.description?.trim() ?? '' });
  return { status: 'ok', rating: getRating(db, id)! };
}

/** Rename a rating, change its value or description, retire it or offer it again (admins). */
export function changeRating(
  db: Db,
  id: string,
  change: { label?: string; value?: number; description?: string; retired?: boolean },
): RatingResult {
  ensureRatings(db);
  if (!getRating(db, id)) return { status: 'not-found' };
  if (change.label !== undefined && !change.label.trim())
    return { status: 'invalid', error: 'verdict scale: a rating needs a label' };
  if (change.value !== undefined && !Number.isInteger(change.value))
    return { status: 'invalid', error: 'verdict scale: the value is a whole number' };
  updateRating(db, id, { ...change, label: change.label?.trim(), description: change.description?.trim() });
  return { status: 'ok', rating: getRating(db, id)! };
}
