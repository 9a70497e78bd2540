/**
 * Resolving a speaker name reads only the speakers sharing its surname
 * (migration 018): every name still goes to the speaker that matching it
 * against every speaker of the corpus picks, and the surnames of aliases
 * stored before the migration are filled in by it.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/db.js';
import { mergeSpeakers, resolveSpeaker } from '../../src/corpus/speakers.js';
import { findKnownSpeaker, speakerKey, speakerSurname } from '../../src/speakers/index.js';

const names = [
  'Firas al-Yasser',
  'al-Yasir',
  'Yasser',
  'President Joe Biden',
  'Biden',
  'Hunter Biden',
  'Biden',
  'Mr. Trump',
  'Donald Trump',
  'Donald J. Trump',
  'Ivanka Trump',
  'Trump',
  'Kellyanne Conway',
  'Conway',
  'George Conway',
  'Ms. Conway',
  'the White House',
  'White House',
  'Sen. Bernie Sanders',
  'Sanders',
  'Sarah Huckabee Sanders',
  'Sanders',
  'Dr. Ruth',
  'Mikhin',
  'Viktor Mikhin',
  'V. Mikhin',
  'José Núñez',
  'Jose Nunez',
  'Núñez',
  '',
  '—',
];

/** The speaker the old rule picked: the key, else the one fitting speaker among all of them. */
function pickedAmongAll(db: Db, name: string): number | undefined {
  const byKey = db
    .prepare('SELECT speaker_id AS id FROM speaker_aliases WHERE key = ? LIMIT 1')
    .get(speakerKey(name)) as { id: number } | undefined;
  if (byKey) return byKey.id;
  const rows = db
    .prepare('SELECT s.id, s.name, a.alias FROM speakers s JOIN speaker_aliases a ON a.speaker_id = s.id ORDER BY s.id')
    .all() as { id: number; name: string; alias: string }[];
  const all = new Map<number, { id: number; name: string; aliases: string[] }>();
  for (const r of rows) {
    const s = all.get(r.id) ?? { id: r.id, name: r.name, aliases: [] };
    s.aliases.push(r.alias);
    all.set(r.id, s);
  }
  const id = findKnownSpeaker(name, [...all.values()]);
  return id === null ? undefined : Number(id);
}

describe('speaker resolution by surname', () => {
  it('picks the speaker that matching against every speaker picks', () => {
    const db = openDatabase(':memory:');
    let fitted = 0;
    for (const name of [...names, ...names.slice().reverse()]) {
      const expected = pickedAmongAll(db, name);
      const id = resolveSpeaker(db, name);
      if (expected !== undefined) {
        expect(id, name).toBe(expected);
        fitted += 1;
      } else expect(id, `${name} is new`).toBeGreaterThan(Math.max(0, ...seen(db, id)));
    }
    expect(fitted).toBeGreaterThan(names.length);
    // a surname alone joins the one full name it fits, and not when two fit
    const one = openDatabase(':memory:');
    const yasser = resolveSpeaker(one, 'Firas al-Yasser');
    expect(resolveSpeaker(one, 'al-Yasir')).toBe(yasser);
    resolveSpeaker(one, 'Joe Biden');
    resolveSpeaker(one, 'Hunter Biden');
    const biden = resolveSpeaker(one, 'Biden');
    expect(biden).not.toBe(yasser);
    expect(pickedAmongAll(one, 'Biden')).toBe(biden);
  });

  it('keeps the surnames of the aliases a merge moves', () => {
    const db = openDatabase(':memory:');
    const kellyanne = resolveSpeaker(db, 'Kellyanne Conway');
    const george = resolveSpeaker(db, 'George Conway');
    expect(george).not.toBe(kellyanne);
    // two speakers fit "Conway": a speaker of its own
    expect(pickedAmongAll(db, 'Ms. Conway')).toBeUndefined();
    expect(mergeSpeakers(db, george, kellyanne)).toBe(true);
    expect(db.prepare('SELECT DISTINCT surname FROM speaker_aliases WHERE speaker_id = ?').all(kellyanne)).toEqual([
      { surname: speakerSurname('Conway') },
    ]);
    // one speaker left to fit it
    expect(resolveSpeaker(db, 'Ms. Conway')).toBe(kellyanne);
  });

  it('fills in the surnames of aliases stored before the migration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-surnames-'));
    try {
      const file = join(dir, 'old.sqlite');
      openDatabase(file).close();
      // back to before migration 018 (and the later ones), with speakers stored by then
      const raw = new Database(file);
      raw.exec(`ALTER TABLE articles DROP COLUMN shingle_sketch;
        DROP INDEX speaker_aliases_surname; ALTER TABLE speaker_aliases DROP COLUMN surname;
        INSERT INTO speakers (id, name) VALUES (1, 'Firas al-Yasser'), (2, 'Joe Biden');
        INSERT INTO speaker_aliases (speaker_id, alias, key) VALUES (1, 'Firas al-Yasser', '${speakerKey('Firas al-Yasser')}'),
          (2, 'Joe Biden', '${speakerKey('Joe Biden')}');`);
      raw.pragma('user_version = 17');
      raw.close();
      const db = openDatabase(file);
      expect(db.prepare('SELECT alias, surname FROM speaker_aliases ORDER BY speaker_id').all()).toEqual([
        { alias: 'Firas al-Yasser', surname: 'ysr' },
        { alias: 'Joe Biden', surname: 'bdn' },
      ]);
      expect(resolveSpeaker(db, 'Yasir')).toBe(1);
      expect(resolveSpeaker(db, 'President Biden')).toBe(2);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Ids of every speaker but this one. */
function seen(db: Db, except: number): number[] {
  return (db.prepare('SELECT id FROM speakers WHERE id != ?').all(except) as { id: number }[]).map((r) => r.id);
}
