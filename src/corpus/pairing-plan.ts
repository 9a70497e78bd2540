/**
 * Pairing a new article without holding up the thread that answers requests
 * (issue 16). Storing an article used to pair it inside its write transaction:
 * reading candidates and scoring them took 0.3–3 s per article on a dense
 * corpus, all on the request thread. Now an import
 *
 * 1. reads each quote's candidates from the term index, one quote per turn of
 *    the event loop (planPairing), noting the quote counter (migration 015);
 * 2. has them scored by a job runner (a worker thread in the server and
 *    `retold import`);
 * 3. stores article, quotes and the decided pairs in one IMMEDIATE
 *    transaction, which pairs the article the old way when the counter has
 *    moved since step 1 (another import, a deletion or re-analysis,
 *    another process), so no pair is ever missed or made with a gone quote.
 *
 * Imports of one process take turns through steps 1–3 (importInOrder), so
 * an article always sees the one stored before it.
 */
import type { Db } from '../db.js';
import type { PreparedArticle } from '../ingest/index.js';
import { canPair, prepareForPairing, prepareQuote, rankCandidates, rememberPostings } from '../pairing/index.js';
import type { DecidedQuote, PlannedQuote } from '../pairing/pair-job.js';
import { getPairingQuotes, readPairingGeneration } from '../store/pairs.js';
import { findArticleByHash } from '../store/articles.js';
import { loadVectors } from '../vectors/load.js';
import type { JobRunner } from '../workers/pool.js';
import { storeImport, storeImportInTurns, type ImportMarks, type ImportResult } from './articles.js';
import type { StoredAnalysis } from './analysis.js';
import { textHashOf } from '../workers/store-rows.js';
import { storeSource } from './pairs.js';

/** Pairs decided outside the write transaction, valid while the quote counter stands at `generation`. */
export interface DecidedPairing {
  generation: number;
  decided: DecidedQuote[];
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where planned quotes go as they are read: `send` is given every `batch` of them (and the rest at the end). */
export interface PlanBatches {
  batch: number;
  send(quotes: PlannedQuote[]): void;
}

/** Read the candidates of every quote of an analysis, one quote per turn of the event loop. */
export async function planPairing(
  db: Db,
  analysis: StoredAnalysis,
  batches?: PlanBatches,
): Promise<{ generation: number; quotes: PlannedQuote[] }> {
  const vectors = loadVectors();
  // answers kept across the turns: a plan read while the corpus moved is thrown away (the generation)
  const source = rememberPostings(storeSource(db));
  const generation = readPairingGeneration(db);
  const quotes: PlannedQuote[] = [];
  let sent = 0;
  for (const [index, q] of analysis.quotes.entries()) {
    if (!canPair(q.kind)) continue;
    const indexed = analysis.index?.[index];
    const rows = analysis.rows?.quotes[index];
    // a worker's analysis carries features as text: they cross to the pair job as text too, cheaply
    const features = indexed?.features ?? (rows ? undefined : prepareQuote(q.text, vectors));
    const terms =
      indexed?.terms ??
      rows?.terms ??
      prepareForPairing({ id: '', article: '', text: q.text, speaker: q.speaker, kind: q.kind }, vectors, features)
        .terms;
    // the new article has no postings yet: nothing to leave out (no article has id 0)
    const ids = rankCandidates(source, terms, '0').map(Number);
    quotes.push({
      index,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      ...(features ? { features } : { encoded: rows!.features }),
      candidates: getPairingQuotes(db, ids),
    });
    if (batches && quotes.length - sent >= batches.batch) batches.send(quotes.slice(sent, (sent = quotes.length)));
    await nextTurn();
  }
  if (batches && quotes.length > sent) batches.send(quotes.slice(sent));
  return { generation, quotes };
}

/** Quotes per pair job: about two jobs per worker for an article, and not fewer than eight quotes a job. */
export function pairBatchSize(pairable: number, workers: number): number {
  return Math.max(8, Math.ceil(pairable / (2 * Math.max(1, workers))));
}

/**
 * Read, score on the runner and return the decided pairs of an analysis.
 * Imports of one database take turns (each article is a candidate of the
 * next), so one article's reading and scoring was the part of an import that
 * ran alone: one worker scored while the others waited, and none while this
 * thread read. Now the quotes go out in batches as they are read, so every
 * worker scores while this thread reads on.
 */
export async function decidePairing(db: Db, runner: JobRunner, analysis: StoredAnalysis): Promise<DecidedPairing> {
  const jobs: Promise<DecidedQuote[]>[] = [];
  const send = (quotes: PlannedQuote[]) => {
    const job = runner.run({ kind: 'pair', quotes });
    // handled here so a failure does not count as unhandled while the rest is read; Promise.all reports it
    job.catch(() => undefined);
    jobs.push(job);
  };
  const pairable = analysis.quotes.filter((q) => canPair(q.kind)).length;
  const plan = await planPairing(db, analysis, { batch: pairBatchSize(pairable, runner.size), send });
  const decided = (await Promise.all(jobs)).flat().sort((a, b) => a.index - b.index);
  return { generation: plan.generation, decided };
}

const turns = new WeakMap<Db, Promise<unknown>>();

/** Run one import at a time per database in this process, in the order they ask. */
function inOrder<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = turns.get(db) ?? Promise.resolve();
  const mine = previous.then(work, work);
  turns.set(
    db,
    mine.catch(() => undefined),
  );
  return mine;
}

/** How many times candidates are read again when the corpus moved before the write lock was taken. */
const REPLANS = 2;

/**
 * Store a prepared and analysed article with its pairs, the scoring done on
 * the runner: the request thread holds the event loop only for one quote's
 * candidate look-up or one transaction at a time.
 */
export function importInOrder(
  db: Db,
  runner: JobRunner,
  prepared: PreparedArticle,
  analysis: StoredAnalysis,
  marks: ImportMarks = {},
): Promise<ImportResult> {
  return inOrder(db, async () => {
    // a duplicate is refused by storeImport: no pairing to plan
    if (findArticleByHash(db, textHashOf(analysis))) return storeImport(db, prepared, analysis, marks);
    let pairing: DecidedPairing | undefined;
    for (let attempt = 0; attempt <= REPLANS; attempt += 1) {
      pairing = await decidePairing(db, runner, analysis);
      await nextTurn();
      if (readPairingGeneration(db) === pairing.generation) break;
    }
    // storeImport checks the counter again under the write lock and pairs in the transaction when it moved
    return storeImportInTurns(db, prepared, analysis, marks, pairing);
  });
}
