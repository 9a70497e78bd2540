/** SQL for the fact-check scale (the ratings a verdict is given on). */
import { prepared, type Db } from '../db.js';

/** A rating of the scale. */
export interface VerdictRatingRow {
  id: string;
  label: string;
  /** the ClaimReview ratingValue: higher is better */
  value: number;
  description: string;
  /** when an admin retired it (ISO UTC), or null while it is offered */
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What is needed to insert a rating. */
export type NewVerdictRating = Pick<VerdictRatingRow, 'id' | 'label' | 'value' | 'description'>;

const columns =
  'id, label, value, description, retired_at AS retiredAt, created_at AS createdAt, updated_at AS updatedAt';

/** Insert a rating unless one with this id exists; true when inserted. */
export function insertRatingIfMissing(db: Db, r: NewVerdictRating): boolean {
  return (
    prepared(
      db,
      'INSERT OR IGNORE INTO verdict_ratings (id, label, value, description) VALUES (@id, @label, @value, @description)',
    ).run(r).changes > 0
  );
}

/** One rating by id. */
export function getRating(db: Db, id: string): VerdictRatingRow | undefined {
  return prepared(db, `SELECT ${columns} FROM verdict_ratings WHERE id = ?`).get(id) as VerdictRatingRow | undefined;
}

/** The scale, best first; retired ratings only when asked. */
export function listRatings(db: Db, includeRetired = true): VerdictRatingRow[] {
  return prepared(
    db,
    `SELECT ${columns} FROM verdict_ratings ${includeRetired ? '' : 'WHERE retired_at IS NULL'} ORDER BY value DESC, label COLLATE NOCASE`,
  ).all() as VerdictRatingRow[];
}

/** How many ratings there are (to seed an empty scale). */
export function countRatings(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM verdict_ratings').get() as { n: number }).n;
}

/** Change a rating's label, value or description, and retire or offer it again. */
export function updateRating(
  db: Db,
  id: string,
  change: { label?: string; value?: number; description?: string; retired?: boolean },
): boolean {
  const r = getRating(db, id);
  if (!r) return false;
  const retiredAt =
    change.retired === undefined ? r.retiredAt : change.retired ? (r.retiredAt ?? new Date().toISOString()) : null;
  prepared(
    db,
    `UPDATE verdict_ratings SET label = ?, value = ?, description = ?, retired_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(change.label ?? r.label, change.value ?? r.value, change.description ?? r.description, retiredAt, id);
  return true;
}
