/**
 * Reading a new article's pairing candidates from the term index and deciding
 * them, outside the write transaction (src/corpus/pairing-plan.ts says when):
 * what was read notes where the corpus stood, so the store can tell whether
 * the decisions still hold, and a later reading of the same quotes decides
 * only the candidates new to it.
 */
import type { Db } from '../db.js';
import { rankCandidates, type PostingSource } from '../pairing/index.js';
import { decidePlannedQuotes, type DecidedQuote, type PlannedQuote } from '../pairing/pair-job.js';
import type { WordVectors } from '../vectors/table.js';
import { countQuotesAfter, getPairingQuotes, readLastQuoteId, readPairingGeneration } from '../store/pairs.js';
import { cachedPostings } from './posting-cache.js';

/** The corpus as candidates were read from it: the quote counter and the highest quote id. */
export interface Snapshot {
  generation: number;
  lastQuote: number;
}

/** Pairs decided outside the write transaction, valid while the quote counter stands at `generation`. */
export interface DecidedPairing {
  generation: number;
  /** the earliest moment its candidates were read at: its decisions hold while quotes are only added after it */
  snapshot: Snapshot;
  decided: DecidedQuote[];
}

/** Decisions of an earlier reading, given to a new reading of the same quotes. */
export interface EarlierDecisions {
  snapshot: Snapshot;
  decided: DecidedQuote[];
}

/** A quote of a new article with the index terms its candidates are found by (and without them yet). */
export type QuoteToPlan = Omit<PlannedQuote, 'candidates'> & { terms: string[] };

/** What reading a quote's candidates gives: the candidates to decide, all ranked, and earlier pairs still among them. */
interface ReadQuote {
  planned: PlannedQuote;
  ranked: number[];
  kept: DecidedQuote['pairs'];
}

/**
 * A planned quote's candidates, read from the term index (the new article has
 * no postings yet: no article has id 0). With an earlier reading's decisions,
 * only the candidates it did not decide are to be decided; its pairs whose
 * candidate is still among the candidates are kept — together, what deciding
 * them all now gives.
 */
export function readCandidates(
  db: Db,
  source: PostingSource,
  { terms, ...quote }: QuoteToPlan,
  earlier?: DecidedQuote,
): ReadQuote {
  const ranked = rankCandidates(source, terms, '0').map(Number);
  const tried = new Set(earlier?.tried);
  const now = new Set(ranked);
  return {
    planned: {
      ...quote,
      candidates: getPairingQuotes(db, tried.size ? ranked.filter((id) => !tried.has(id)) : ranked),
    },
    ranked,
    kept: earlier?.pairs.filter((p) => now.has(Number(p.a))) ?? [],
  };
}

/** Where the corpus stands, read in the caller's transaction. */
export function readSnapshot(db: Db): Snapshot {
  return { generation: readPairingGeneration(db), lastQuote: readLastQuoteId(db) };
}

/**
 * Has the corpus only grown since `then`? Each quote stored, deleted or
 * changed moves the counter by one, so it moved by exactly the number of
 * quotes above the highest id of then only when every move was a quote added.
 * A decision on two quotes depends on nothing else, so one made then still holds.
 */
function onlyAdded(db: Db, then: Snapshot, now: Snapshot): boolean {
  return now.generation - then.generation === countQuotesAfter(db, then.lastQuote);
}

/**
 * Read the candidates of planned quotes in one read transaction and decide
 * them: a worker's pair job, through its own read-only connection, so the
 * request thread neither reads candidates nor scores them.
 */
export function readAndDecide(
  db: Db,
  quotes: QuoteToPlan[],
  vectors: WordVectors | undefined,
  earlier?: EarlierDecisions,
): DecidedPairing {
  const read = db.transaction(() => {
    const snapshot = readSnapshot(db);
    // the posting lists as this connection last read them, with what was added since
    const source = cachedPostings(db, snapshot, (since) => onlyAdded(db, since, snapshot));
    // an earlier reading's decisions are used again when the corpus has only grown since
    const reuse = earlier && onlyAdded(db, earlier.snapshot, snapshot) ? earlier : undefined;
    const byIndex = new Map(reuse?.decided.map((d) => [d.index, d]));
    const planned = quotes.map((q) => readCandidates(db, source, q, byIndex.get(q.index)));
    return { snapshot: reuse?.snapshot ?? snapshot, generation: snapshot.generation, planned };
  });
  const { snapshot, generation, planned } = read();
  const fresh = decidePlannedQuotes(
    planned.map((p) => p.planned),
    vectors,
  );
  const decided = fresh.map((d, i) => ({
    index: d.index,
    pairs: [...planned[i].kept, ...d.pairs],
    tried: planned[i].ranked,
  }));
  return { generation, snapshot, decided };
}
