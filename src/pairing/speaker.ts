/**
 * pairing: do two speaker names name the same person? Names are compared by
 * the words of their speaker keys (quotes/speakers.ts: case, accents, "al-"
 * and transliteration vowels do not count), titles aside, and a name matches
 * a fuller form of itself ("al-Yasir" ~ "Firas al-Yasser").
 */
import { speakerKey } from '../quotes/speakers.js';

/** How two speakers relate: the same, different known people, or unknown. */
export type SpeakerMatch = 'same' | 'different' | 'unknown';

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sheikh', 'gen', 'general', 'president', 'prime', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'sen', 'rep', 'col', 'lt', 'sir']);

/** Lower-case name words without titles and without "al-"-style prefixes. */
export function splitSpeakerName(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s.]+/)
    .map((w) => w.replace(/^(al|el|ad|as|ash|at|az|an|ar)-/, '').replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((w) => w && !TITLES.has(w));
}

/** Compare two speakers; null or empty names are unknown. */
export function matchSpeakers(a: string | null | undefined, b: string | null | undefined): SpeakerMatch {
  if (!a || !b) return 'unknown';
  const wa = speakerKey(splitSpeakerName(a).join(' ')).split(' ').filter(Boolean);
  const wb = speakerKey(splitSpeakerName(b).join(' ')).split(' ').filter(Boolean);
  if (!wa.length || !wb.length) return 'unknown';
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const longSet = new Set(long);
  // a shorter form names the same person when all its words are in the longer one
  return short.every((w) => longSet.has(w)) ? 'same' : 'different';
}
