/** SQL for speakers and their aliases. */
import { prepared, type Db } from '../db.js';

/** A speaker entity with the names it appears under. */
export interface SpeakerRow {
  id: number;
  name: string;
  aliases: string[];
  quoteCount: number;
  articleCount: number;
}

/** Insert a speaker with its first alias (its name). */
export function insertSpeaker(db: Db, name: string, key: string): number {
  const id = Number(prepared(db, 'INSERT INTO speakers (name) VALUES (?)').run(name).lastInsertRowid);
  addAlias(db, id, name, key);
  return id;
}

/** Record another name of a speaker (no-op when known). */
export function addAlias(db: Db, speakerId: number, alias: string, key: string): void {
  prepared(
    db,
    'INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key, surname) VALUES (?, ?, ?, speaker_surname(?))',
  ).run(speakerId, alias, key, alias);
}

/** Speaker ids having an alias with this matching key. */
export function findSpeakersByKey(db: Db, key: string): number[] {
  return (
    prepared(db, 'SELECT DISTINCT speaker_id AS id FROM speaker_aliases WHERE key = ?').all(key) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * The speakers having an alias with this surname, each with all its aliases
 * (for matching a new name against the corpus: only a speaker sharing the
 * name's surname can be the same person).
 */
export function listSpeakersBySurname(db: Db, surname: string): { id: number; name: string; aliases: string[] }[] {
  const rows = prepared(
    db,
    `SELECT s.id, s.name, a.alias FROM speakers s JOIN speaker_aliases a ON a.speaker_id = s.id
     WHERE s.id IN (SELECT speaker_id FROM speaker_aliases WHERE surname = ?) ORDER BY s.id`,
  ).all(surname) as { id: number; name: string; alias: string }[];
  const byId = new Map<number, { id: number; name: string; aliases: string[] }>();
  for (const r of rows) {
    const s = byId.get(r.id) ?? { id: r.id, name: r.name, aliases: [] };
    s.aliases.push(r.alias);
    byId.set(r.id, s);
  }
  return [...byId.values()];
}

/** Speakers with their counts, most quoted first; speakers without quotes left out. */
export function listSpeakers(db: Db): SpeakerRow[] {
  const rows = prepared(
    db,
    `SELECT s.id, s.name, count(q.id) AS quoteCount, count(DISTINCT q.article_id) AS articleCount,
         (SELECT json_group_array(alias) FROM speaker_aliases WHERE speaker_id = s.id) AS aliases
       FROM speakers s JOIN quotes q ON q.speaker_id = s.id
       GROUP BY s.id ORDER BY quoteCount DESC, s.name`,
  ).all() as (Omit<SpeakerRow, 'aliases'> & { aliases: string })[];
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

/** A speaker's display name, or undefined. */
export function getSpeakerName(db: Db, id: number): string | undefined {
  return (prepared(db, 'SELECT name FROM speakers WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

/** One speaker with its counts and aliases, or undefined. */
export function getSpeaker(db: Db, id: number): SpeakerRow | undefined {
  const row = prepared(
    db,
    `SELECT s.id, s.name, (SELECT count(*) FROM quotes WHERE speaker_id = s.id) AS quoteCount,
         (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = s.id) AS articleCount,
         (SELECT json_group_array(alias) FROM speaker_aliases WHERE speaker_id = s.id) AS aliases
       FROM speakers s WHERE s.id = ?`,
  ).get(id) as (Omit<SpeakerRow, 'aliases'> & { aliases: string }) | undefined;
  return row && { ...row, aliases: JSON.parse(row.aliases) as string[] };
}

/** Move quotes and aliases of one speaker to another and delete the first. */
export function mergeSpeakerRows(db: Db, fromId: number, intoId: number): void {
  prepared(db, 'UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?').run(intoId, fromId);
  prepared(
    db,
    'INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key, surname) SELECT ?, alias, key, surname FROM speaker_aliases WHERE speaker_id = ?',
  ).run(intoId, fromId);
  prepared(db, 'DELETE FROM speakers WHERE id = ?').run(fromId);
}

/** Move one alias, and the quotes resolved under that name, to a new speaker. Returns the new id. */
export function splitSpeakerAlias(db: Db, speakerId: number, alias: string): number | undefined {
  const row = prepared(db, 'SELECT key FROM speaker_aliases WHERE speaker_id = ? AND alias = ?').get(
    speakerId,
    alias,
  ) as { key: string } | undefined;
  if (!row) return undefined;
  const id = Number(prepared(db, 'INSERT INTO speakers (name) VALUES (?)').run(alias).lastInsertRowid);
  prepared(db, 'UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ? AND alias = ?').run(
    id,
    speakerId,
    alias,
  );
  prepared(db, 'UPDATE quotes SET speaker_id = ? WHERE speaker_id = ? AND speaker_name = ?').run(id, speakerId, alias);
  return id;
}

/** Set a speaker's display name (already one of its aliases). */
export function setSpeakerName(db: Db, id: number, name: string): void {
  prepared(db, 'UPDATE speakers SET name = ? WHERE id = ?').run(name, id);
}

/** Rename a speaker (its display name); the old name stays an alias. */
export function renameSpeaker(db: Db, id: number, name: string, key: string): boolean {
  const changed = prepared(db, 'UPDATE speakers SET name = ? WHERE id = ?').run(name, id).changes > 0;
  if (changed) addAlias(db, id, name, key);
  return changed;
}

/** Remove speakers no quote refers to any more. */
export function deleteUnquotedSpeakers(db: Db): void {
  prepared(
    db,
    'DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)',
  ).run();
}
