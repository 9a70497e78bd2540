/**
 * The term index as one connection last read it, kept between readings and
 * brought up to date by reading only the postings added since. A folder
 * import reads every article's candidates twice (ahead of its turn and in
 * it) from an index that between two readings has only grown by an article
 * or two: reading each posting list whole again was a third of the pairing
 * work. Emptied whenever a quote was deleted or changed since the last
 * reading, so what it gives is always what reading the index whole gives.
 */
import type { Db } from '../db.js';
import type { PostingSource } from '../pairing/index.js';
import { countPostings, readPostings, readPostingsAfter } from '../store/pairs.js';
import type { Snapshot } from './pairing-reads.js';

/** What is known of one term, as of the highest quote id `at`: its newest postings (under `cap`) and its count. */
interface Kept {
  at: number;
  cap: number;
  ids?: number[];
  count?: number;
}

interface Cache {
  snapshot: Snapshot;
  terms: Map<string, Kept>;
}

/** Terms kept per connection; past it the cache starts again (a bound on memory, not a tuning). */
const TERMS_KEPT = 100_000;
/** The cap under which countPostings counts (its default). */
const COUNT_CAP = 5000;

const caches = new WeakMap<Db, Cache>();

/**
 * A posting source over `db` as it stands at `snapshot` (read in the caller's
 * read transaction), for a new article's quotes (no article excluded).
 * `grown` says whether the corpus has only grown since an earlier snapshot.
 */
export function cachedPostings(db: Db, snapshot: Snapshot, grown: (since: Snapshot) => boolean): PostingSource {
  let cache = caches.get(db);
  if (!cache || cache.terms.size > TERMS_KEPT || !grown(cache.snapshot)) {
    cache = { snapshot, terms: new Map() };
    caches.set(db, cache);
  }
  cache.snapshot = snapshot;
  const { terms } = cache;
  const now = snapshot.lastQuote;
  /** The term as of now: the postings added since it was last read put in front (they have the highest ids). */
  const termOf = (term: string): Kept => {
    const kept = terms.get(term);
    if (!kept) {
      const fresh = { at: now, cap: 0 };
      terms.set(term, fresh);
      return fresh;
    }
    if (kept.at < now) {
      const added = readPostingsAfter(db, term, kept.at, COUNT_CAP);
      if (added.length && kept.ids) kept.ids = [...added, ...kept.ids].slice(0, kept.cap);
      if (added.length && kept.count !== undefined) kept.count = Math.min(COUNT_CAP, kept.count + added.length);
      kept.at = now;
    }
    return kept;
  };
  return {
    size: () => Math.max(1, now),
    frequency(term) {
      const kept = termOf(term);
      kept.count ??= countPostings(db, term, COUNT_CAP);
      return kept.count;
    },
    postings(term, excludeArticle, cap) {
      if (excludeArticle !== '0') return readPostings(db, term, Number(excludeArticle), cap).map(String);
      const kept = termOf(term);
      if (!kept.ids || kept.cap < cap) {
        kept.ids = readPostings(db, term, 0, cap);
        kept.cap = cap;
      }
      return kept.ids.slice(0, cap).map(String);
    },
  };
}
