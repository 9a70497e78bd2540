/**
 * speakers: when two names name the same person or group. One rule, used by
 * speaker resolution (in the store and in memory) and by pairing.
 */
import { speakerKey, speakerWords } from './names.js';

/** How two speakers relate: the same, different known people, or unknown. */
export type SpeakerMatch = 'same' | 'different' | 'unknown';

/** A speaker already known to the corpus. */
export interface KnownSpeaker {
  id: string | number;
  name: string;
  aliases: string[];
}

/**
 * Whether two speaker names name the same person: the same key
 * (transliteration variants, "al-" aside), or — titles aside — the same
 * surname with every word of the shorter name in the longer ("al-Yasir" ~
 * "Firas al-Yasser", "President Biden" ~ "Joe Biden"). Null or empty names
 * are unknown.
 */
export function matchSpeakers(a: string | null | undefined, b: string | null | undefined): SpeakerMatch {
  if (!a || !b) return 'unknown';
  const ka = speakerKey(a);
  if (ka && ka === speakerKey(b)) return 'same';
  const wa = speakerWords(a);
  const wb = speakerWords(b);
  if (!wa.length || !wb.length) return 'unknown';
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short[short.length - 1] !== long[long.length - 1]) return 'different';
  const longSet = new Set(long);
  return short.every((w) => longSet.has(w)) ? 'same' : 'different';
}

/**
 * Find which known speaker a name refers to: the first whose name or an alias
 * has the same key; otherwise the one speaker the name matches by the rule of
 * matchSpeakers. Returns null when nothing or more than one speaker fits.
 */
export function findKnownSpeaker(name: string, known: KnownSpeaker[]): KnownSpeaker['id'] | null {
  const key = speakerKey(name);
  if (!key) return null;
  for (const s of known) if (namesOf(s).some((n) => speakerKey(n) === key)) return s.id;
  const fits = new Set<KnownSpeaker['id']>();
  for (const s of known) if (namesOf(s).some((n) => matchSpeakers(name, n) === 'same')) fits.add(s.id);
  return fits.size === 1 ? [...fits][0] : null;
}

function namesOf(s: KnownSpeaker): string[] {
  return [s.name, ...(s.aliases ?? [])];
}

/** The display name of a speaker after another of its names is seen: the fuller one (more words) wins. */
export function chooseDisplayName(current: string, seen: string): string {
  return seen.split(/\s+/).length > current.split(/\s+/).length ? seen : current;
}

/**
 * Resolve the speaker names of several articles to one name per person or
 * group, in the order seen: variants that match get the fullest name. The
 * in-memory counterpart of the store's speaker entities (corpus/speakers.ts).
 */
export function resolveSpeakerNames(names: string[]): Map<string, string> {
  const known: KnownSpeaker[] = [];
  const out = new Map<string, string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const id = findKnownSpeaker(name, known);
    const entity = id === null ? undefined : known.find((s) => s.id === id);
    if (!entity) {
      known.push({ id: known.length, name, aliases: [name] });
    } else {
      entity.aliases.push(name);
      entity.name = chooseDisplayName(entity.name, name);
    }
    out.set(name, name);
  }
  for (const s of known) for (const alias of s.aliases) out.set(alias, s.name);
  return out;
}
