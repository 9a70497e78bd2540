/** Speakers as entities across the corpus: resolve a name to one, merge, split. */
import type { Db } from '../db.js';
import { chooseDisplayName, findKnownSpeaker, speakerKey, speakerSurname } from '../speakers/index.js';
import {
  addAlias,
  findSpeakersByKey,
  getSpeaker,
  getSpeakerName,
  insertSpeaker,
  listSpeakersBySurname,
  mergeSpeakerRows,
  setSpeakerName,
  splitSpeakerAlias,
} from '../store/speakers.js';

/**
 * The speaker entity a name refers to, created when new. Transliteration
 * variants share a key; a surname alone joins the one full name it fits.
 * A longer name for a known speaker becomes its display name.
 */
export function resolveSpeaker(db: Db, name: string): number {
  const key = speakerKey(name);
  const byKey = findSpeakersByKey(db, key);
  let id: number | undefined = byKey[0];
  if (id === undefined) {
    // a speaker of another surname never fits (matchSpeakers), and none has this key (byKey)
    const surname = speakerSurname(name);
    const matched = surname ? findKnownSpeaker(name, listSpeakersBySurname(db, surname)) : null;
    id = matched === null ? undefined : Number(matched);
  }
  if (id === undefined) return insertSpeaker(db, name, key);
  addAlias(db, id, name, key);
  // the name alone: getSpeaker counts the speaker's quotes, which grew with every quote a long article stored
  const current = getSpeakerName(db, id);
  if (current !== undefined && chooseDisplayName(current, name) !== current) {
    setSpeakerName(db, id, name);
  }
  return id;
}

/** Merge one speaker into another (a reviewer says they are the same). */
export function mergeSpeakers(db: Db, fromId: number, intoId: number): boolean {
  if (fromId === intoId) return false;
  return db
    .transaction(() => {
      if (!getSpeaker(db, fromId) || !getSpeaker(db, intoId)) return false;
      mergeSpeakerRows(db, fromId, intoId);
      return true;
    })
    .immediate();
}

/** Split an alias off into a speaker of its own (a reviewer says it is someone else). */
export function splitSpeaker(db: Db, speakerId: number, alias: string): number | undefined {
  return db.transaction(() => splitSpeakerAlias(db, speakerId, alias)).immediate();
}
