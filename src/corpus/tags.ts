/**
 * The tag taxonomy: seeded from data/tags.json and the editorial categories,
 * then managed by admins (add, rename, retire).
 */
import type { Db } from '../db.js';
import { cleanLine } from '../ingest/fields.js';
import tagData from '../../data/tags.json' with { type: 'json' };
import editorialCategories from '../../data/editorial-categories.json' with { type: 'json' };
import {
  getTag,
  insertTagIfMissing,
  listTags,
  nextTagPosition,
  updateTag,
  type NewTag,
  type TagRow,
} from '../store/tags.js';

/** A tag family: editorial language, quote handling, framing. */
export interface TagFamily {
  id: string;
  label: string;
}

/** The families tags may belong to. */
export const tagFamilies: TagFamily[] = tagData.families;

/** The seed taxonomy: the ten editorial categories, then data/tags.json, in that order. */
export function readSeedTags(): NewTag[] {
  const editorial = editorialCategories.map((c) => ({
    id: c.id,
    family: 'editorial',
    label: c.name,
    description: c.definition,
  }));
  return [...editorial, ...tagData.tags].map((t, i) => ({ ...t, position: i + 1 }));
}

/**
 * Insert the seed tags the database lacks. Idempotent: a tag an admin renamed
 * or retired is left as it is. Returns how many were inserted.
 */
export function seedTags(db: Db): number {
  return db.transaction(() => readSeedTags().reduce((n, t) => n + (insertTagIfMissing(db, t) ? 1 : 0), 0)).immediate();
}

/** Make sure the taxonomy is there (cheap when it is). */
export function ensureTags(db: Db): void {
  const n = (db.prepare('SELECT count(*) AS n FROM tags').get() as { n: number }).n;
  if (n === 0) seedTags(db);
}

/** All tags (retired ones too), in taxonomy order. */
export function listAllTags(db: Db): TagRow[] {
  ensureTags(db);
  return listTags(db, true);
}

/** The tags offered for new annotations (not retired). */
export function listOfferedTags(db: Db): TagRow[] {
  ensureTags(db);
  return listTags(db, false);
}

/** Input for a new tag. */
export interface TagInput {
  id?: string;
  family: string;
  label: string;
  description?: string;
}

/** The outcome of a tag change. */
export type TagResult =
  { status: 'ok'; tag: TagRow } | { status: 'invalid'; errors: Record<string, string> } | { status: 'not-found' };

/** A tag id made from a label: lower case, words joined by hyphens. */
export function makeTagId(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Add a tag (admin). The id is taken from the label unless given. */
export function addTag(db: Db, input: TagInput): TagResult {
  ensureTags(db);
  const errors: Record<string, string> = {};
  const id = input.id?.trim() || makeTagId(input.label);
  if (!cleanLine(input.label)) errors.label = 'Give the tag a label.';
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(id))
    errors.id = 'The id is lower-case letters, digits and hyphens, at most 60.';
  else if (getTag(db, id)) errors.id = `A tag "${id}" exists already.`;
  if (!tagFamilies.some((f) => f.id === input.family)) errors.family = 'Choose one of the families.';
  if (Object.keys(errors).length) return { status: 'invalid', errors };
  insertTagIfMissing(db, {
    id,
    family: input.family,
    label: cleanLine(input.label),
    description: cleanLine(input.description ?? ''),
    position: nextTagPosition(db),
  });
  return { status: 'ok', tag: getTag(db, id)! };
}

/** Rename, re-describe, move, retire or restore a tag (admin). */
export function changeTag(
  db: Db,
  id: string,
  change: { label?: string; description?: string; family?: string; retired?: boolean },
): TagResult {
  if (!getTag(db, id)) return { status: 'not-found' };
  const errors: Record<string, string> = {};
  if (change.label !== undefined && !cleanLine(change.label)) errors.label = 'Give the tag a label.';
  if (change.family !== undefined && !tagFamilies.some((f) => f.id === change.family))
    errors.family = 'Choose one of the families.';
  if (Object.keys(errors).length) return { status: 'invalid', errors };
  updateTag(db, id, {
    ...change,
    label: change.label === undefined ? undefined : cleanLine(change.label),
    description: change.description === undefined ? undefined : cleanLine(change.description),
  });
  return { status: 'ok', tag: getTag(db, id)! };
}
