/**
 * pairing: candidate retrieval. A quote's index terms are its weighted content
 * lemmas plus a few quote-vector buckets (random-hyperplane hashing, Charikar
 * 2002), so rewordings that share no content word still meet in a bucket.
 * Posting lists come from a PostingSource — in memory for `retold analyze`
 * (pair-index.ts), SQL in the store — and are ranked here, once: each list is
 * read only up to a cap (its newest entries) and weighted by IDF, so finding
 * candidates costs about a quote's own size however large the corpus grows.
 */
import type { QuoteFeatures } from './features.js';

/** Where posting lists come from; it returns postings, never rankings. */
export interface PostingSource {
  /** about how many quotes are indexed */
  size(): number;
  /** how many quotes a term indexes (may be counted only up to a cap) */
  frequency(term: string): number;
  /** ids of quotes holding the term, newest first, outside one article, at most `cap` */
  postings(term: string, excludeArticle: string, cap: number): string[];
}

/**
 * A posting source that keeps its answers. Looking up one article's quotes,
 * the same terms come back quote after quote (its topic words, its vector
 * buckets) while the index does not change — an article's quotes are indexed
 * after all of them were looked up — so each term is asked of the store once.
 * Use one for one article's look-ups only.
 */
export function rememberPostings(source: PostingSource): PostingSource {
  let size: number | undefined;
  const frequencies = new Map<string, number>();
  const lists = new Map<string, string[]>();
  return {
    size: () => (size ??= source.size()),
    frequency(term) {
      let n = frequencies.get(term);
      if (n === undefined) {
        n = source.frequency(term);
        frequencies.set(term, n);
      }
      return n;
    },
    postings(term, excludeArticle, cap) {
      const key = `${excludeArticle}\u0000${cap}\u0000${term}`;
      let list = lists.get(key);
      if (!list) {
        list = source.postings(term, excludeArticle, cap);
        lists.set(key, list);
      }
      return list;
    },
  };
}

/** Tuning of candidate retrieval. */
export interface RetrievalOptions {
  /** entries read from one posting list (the newest) */
  postingCap: number;
  /** candidates fully decided per quote */
  candidates: number;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { postingCap: 400, candidates: 25 };

/** Bits per bucket and buckets per quote of the vector hashing. */
const BUCKET_BITS = 8;
const BUCKETS = 4;
/** Prefix that keeps bucket terms apart from lemmas. */
const BUCKET_PREFIX = '~v';

/** Deterministic hyperplanes (mulberry32 with a fixed seed, Gaussian by Box–Muller), made once per dimension. */
const planesByDimension = new Map<number, Float32Array[]>();
function hyperplanes(dimensions: number): Float32Array[] {
  const known = planesByDimension.get(dimensions);
  if (known) return known;
  let seed = 14;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const planes = Array.from({ length: BUCKET_BITS * BUCKETS }, () =>
    Float32Array.from(
      { length: dimensions },
      () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random()),
    ),
  );
  planesByDimension.set(dimensions, planes);
  return planes;
}

/** The quote-vector buckets of a quote ("~v2:10110010"). */
function listBuckets(vector: Float32Array): string[] {
  const planes = hyperplanes(vector.length);
  const out: string[] = [];
  for (let b = 0; b < BUCKETS; b += 1) {
    let bits = '';
    for (let k = 0; k < BUCKET_BITS; k += 1) {
      const p = planes[b * BUCKET_BITS + k];
      let dot = 0;
      for (let d = 0; d < vector.length; d += 1) dot += p[d] * vector[d];
      bits += dot >= 0 ? '1' : '0';
    }
    out.push(`${BUCKET_PREFIX}${b}:${bits}`);
  }
  return out;
}

/** Index terms of a quote: its weighted content keys (numbers and dates aside) and its vector buckets. */
export function listIndexTerms(features: QuoteFeatures): string[] {
  const terms = [...new Set(features.content.filter((w) => w.weight > 0).map((w) => w.key))];
  // a quote of one or two words has a vector that says little
  if (features.vector && terms.length >= 3) terms.push(...listBuckets(features.vector));
  return terms;
}

/** Candidate quote ids for a quote's terms, best first. */
export function rankCandidates(
  source: PostingSource,
  terms: string[],
  excludeArticle: string,
  options: RetrievalOptions = DEFAULT_RETRIEVAL,
): string[] {
  if (!terms.length) return [];
  const n = Math.max(1, source.size());
  const acc = new Map<string, number>();
  for (const term of terms) {
    const df = source.frequency(term);
    if (df === 0) continue;
    const idf = Math.log(1 + n / df);
    for (const id of source.postings(term, excludeArticle, options.postingCap)) acc.set(id, (acc.get(id) ?? 0) + idf);
  }
  return [...acc.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, options.candidates)
    .map(([id]) => id);
}
