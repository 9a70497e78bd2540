/**
 * pairing: do two speaker names name the same person? Until the corpus-wide
 * speaker resolution gives every quote a key, names are compared by their
 * lower-case words without Arabic article prefixes, and a name matches a
 * fuller form of itself ("al-Yasser" ~ "Firas al-Yasser").
 */

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
  const wa = splitSpeakerName(a);
  const wb = splitSpeakerName(b);
  if (!wa.length || !wb.length) return 'unknown';
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const longSet = new Set(long);
  // a shorter form names the same person when all its words are in the longer one
  return short.every((w) => longSet.has(w)) ? 'same' : 'different';
}
