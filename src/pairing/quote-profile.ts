/**
 * pairing: what pairing derives from one quote's features and needs again for
 * every candidate it meets — its n-gram counts, word and lemma sets, names and
 * values, summed weight. A quote meets up to 25 candidates per look-up and is
 * itself a candidate of many later quotes, so these are made once per
 * prepared quote (kept beside it, never changed) instead of once per pair
 * (issue 14: "features per quote are computed once").
 */
import type { ContentWord, QuoteFeatures } from './features.js';

/** n-gram counts of a word list, with their total. */
export interface NgramCounts {
  counts: Map<string, number>;
  total: number;
}

/** One quote's derived data. */
export interface QuoteProfile {
  /** summed weight of its content words */
  weight: number;
  /** unigram, bigram and trigram counts of its plain words */
  ngrams: [NgramCounts, NgramCounts, NgramCounts];
  /** its distinct plain words */
  wordSet: Set<string>;
  /** keys of its weighted plain content words (kind `word`) */
  lemmas: Set<string>;
  /** its names and its numbers and dates, as content words (an alteration can set some aside) */
  names: ContentWord[];
  values: ContentWord[];
  /** first four letters of each weighted content key (the cheap bound of pair-features.ts) */
  stems: Set<string>;
  /** its plain words joined with a space before and after, to find one quote's words inside another's */
  joined: string;
}

const profiles = new WeakMap<QuoteFeatures, QuoteProfile>();

/** n-gram counts of a word list as joined strings. */
function countNgrams(words: string[], n: number): NgramCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i + n <= words.length; i += 1) {
    const g =
      n === 1 ? words[i] : n === 2 ? `${words[i]} ${words[i + 1]}` : `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    total += 1;
  }
  return { counts, total };
}

/** The profile of a quote's features, made on first use and kept with them. */
export function profileQuote(f: QuoteFeatures): QuoteProfile {
  const known = profiles.get(f);
  if (known) return known;
  let weight = 0;
  const lemmas = new Set<string>();
  const stems = new Set<string>();
  for (const w of f.content) {
    weight += w.weight;
    if (w.weight > 0) stems.add(w.key.slice(0, 4));
    if (w.weight > 0 && w.kind === 'word') lemmas.add(w.key);
  }
  const profile: QuoteProfile = {
    weight,
    ngrams: [countNgrams(f.words, 1), countNgrams(f.words, 2), countNgrams(f.words, 3)],
    wordSet: new Set(f.words),
    lemmas,
    names: f.content.filter((w) => w.kind === 'name'),
    values: f.content.filter((w) => w.kind === 'number' || w.kind === 'date'),
    stems,
    joined: ` ${f.words.join(' ')} `,
  };
  profiles.set(f, profile);
  return profile;
}

/** Which quote the alignment takes as the shorter: true when it is the second (less content weight, or as much and fewer words). */
export function isSwapped(a: QuoteFeatures, b: QuoteFeatures): boolean {
  const wa = profileQuote(a).weight;
  const wb = profileQuote(b).weight;
  return wa > wb || (wa === wb && a.content.length > b.content.length);
}
