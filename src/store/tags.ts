/** SQL for the tag taxonomy. */
import type { Db } from '../db.js';

/** A tag of the taxonomy. */
export interface TagRow {
  id: string;
  family: string;
  label: string;
  description: string;
  position: number;
  /** When an admin retired it (ISO UTC), or null while it is offered. */
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What is needed to insert a tag. */
export type NewTag = Pick<TagRow, 'id' | 'family' | 'label' | 'description' | 'position'>;

const columns =
  'id, family, label, description, position, retired_at AS retiredAt, created_at AS createdAt, updated_at AS updatedAt';

/** Insert a tag unless one with this id exists; true when inserted. */
export function insertTagIfMissing(db: Db, tag: NewTag): boolean {
  return (
    db
      .prepare(
        'INSERT OR IGNORE INTO tags (id, family, label, description, position) VALUES (@id, @family, @label, @description, @position)',
      )
      .run(tag).changes > 0
  );
}

/** One tag by id. */
export function getTag(db: Db, id: string): TagRow | undefined {
  return db.prepare(`SELECT ${columns} FROM tags WHERE id = ?`).get(id) as TagRow | undefined;
}

/** All tags in taxonomy order; retired ones only when asked. */
export function listTags(db: Db, includeRetired = true): TagRow[] {
  return db
    .prepare(
      `SELECT ${columns} FROM tags ${includeRetired ? '' : 'WHERE retired_at IS NULL'} ORDER BY position, label COLLATE NOCASE`,
    )
    .all() as TagRow[];
}

/** The next free position at the end of the list. */
export function nextTagPosition(db: Db): number {
  return (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM tags').get() as { p: number }).p;
}

/** Change a tag's label, description or family, and retire or restore it. */
export function updateTag(
  db: Db,
  id: string,
  change: { label?: string; description?: string; family?: string; retired?: boolean },
): boolean {
  const t = getTag(db, id);
  if (!t) return false;
  const retiredAt =
    change.retired === undefined ? t.retiredAt : change.retired ? (t.retiredAt ?? new Date().toISOString()) : null;
  db.prepare(
    `UPDATE tags SET label = ?, description = ?, family = ?, retired_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(change.label ?? t.label, change.description ?? t.description, change.family ?? t.family, retiredAt, id);
  return true;
}
