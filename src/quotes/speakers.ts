/**
 * quotes/speakers: matching speaker names across articles despite
 * transliteration variants (al-Yasser / al-Yasir / Yasser, Kataeb / Kataib,
 * Qassem / Qasem). Pure functions over strings; the store keeps the entities.
 */
import { removeInvisible } from '../ingest/fields.js';

/** A speaker already known to the corpus. */
export interface KnownSpeaker {
  id: string | number;
  name: string;
  aliases: string[];
}

// Arabic article and similar particles that outlets keep or drop at will.
const droppedWords = new Set(['al', 'el', 'the']);
const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);

/**
 * Fold one word to a consonant skeleton: first letter kept (so "Abu" and
 * "Bu" stay apart), later vowels and y/w dropped, doubled letters collapsed,
 * q/c folded into k and ph into f. Romanizations of Arabic names differ
 * mostly in vowels and gemination, which this removes.
 */
function foldWord(word: string): string {
  const w = word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/[qc]/g, 'k')
    .replace(/kh/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't');
  let out = w[0] ?? '';
  for (let i = 1; i < w.length; i += 1) {
    const ch = w[i];
    if (vowels.has(ch)) continue;
    if (out[out.length - 1] === ch) continue;
    out += ch;
  }
  return out;
}

/**
 * A matching key for a speaker name, robust to transliteration variants:
 * case, accents, `al-`/`el-` prefixes, vowels and doubled letters do not count.
 * speakerKey('Firas al-Yasser') === speakerKey('Firas al-Yasir').
 */
export function speakerKey(name: string): string {
  if (typeof name !== 'string') return '';
  // the same few names are keyed over and over while an article is read
  const known = keyCache.get(name);
  if (known !== undefined) return known;
  const key = computeSpeakerKey(name);
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 20_000;

function computeSpeakerKey(name: string): string {
  // zero-width and bidi controls would split a name into two words
  const plain = removeInvisible(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʼʿʾ]/g, '');
  const words = plain.split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !droppedWords.has(w));
  return words.map(foldWord).join(' ');
}

function lastWord(key: string): string {
  const i = key.lastIndexOf(' ');
  return i < 0 ? key : key.slice(i + 1);
}

function keysOf(s: KnownSpeaker): string[] {
  return [s.name, ...(s.aliases ?? [])].map(speakerKey).filter((k) => k.length > 0);
}

/**
 * Find which known speaker a name refers to: the id of the speaker whose name
 * or an alias has the same key; otherwise, when the name is a single word
 * (a surname) or shares first and last name with exactly one known speaker,
 * that speaker. Returns null when nothing or more than one speaker fits.
 */
export function matchSpeaker(name: string, known: KnownSpeaker[]): KnownSpeaker['id'] | null {
  const key = speakerKey(name);
  if (!key) return null;
  for (const s of known) if (keysOf(s).includes(key)) return s.id;
  const words = key.split(' ');
  const fits = new Set<KnownSpeaker['id']>();
  for (const s of known) {
    for (const k of keysOf(s)) {
      const other = k.split(' ');
      const sameSurname = lastWord(k) === words[words.length - 1];
      if (!sameSurname) continue;
      // a surname alone, or a known surname alone, or the same first name too
      if (words.length === 1 || other.length === 1 || other[0] === words[0]) {
        fits.add(s.id);
        break;
      }
    }
  }
  return fits.size === 1 ? [...fits][0] : null;
}

/**
 * Resolve the speaker names of several articles to one name per person or
 * group: variants that match (same key, or a surname alone) get the fullest
 * name seen first. Used where no store keeps the entities (`retold analyze`).
 */
export function resolveSpeakerNames(names: string[]): Map<string, string> {
  const known: KnownSpeaker[] = [];
  const out = new Map<string, string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const id = matchSpeaker(name, known);
    const entity = id === null ? undefined : known.find((s) => s.id === id);
    if (!entity) {
      known.push({ id: known.length, name, aliases: [name] });
    } else {
      entity.aliases.push(name);
      if (name.split(/\s+/).length > entity.name.split(/\s+/).length) entity.name = name;
    }
  }
  for (const s of known) for (const alias of s.aliases) out.set(alias, s.name);
  return out;
}
