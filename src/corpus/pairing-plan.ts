/**
 * Pairing a new article without holding up the thread that answers requests
 * (issue 16). Storing an article used to pair it inside its write transaction:
 * reading candidates and scoring them took 0.3–3 s per article on a dense
 * corpus, all on the request thread. Now an import
 *
 * 1. reads each quote's candidates from the term index, noting the quote
 *    counter (migration 015): in the workers, each through a read-only
 *    connection of its own (readAndDecide), or, for an in-memory database,
 *    on this thread one quote per turn of the event loop (planPairing);
 * 2. has them scored by a job runner (worker threads in the server and
 *    `retold import`);
 * 3. stores article, quotes and the decided pairs in one IMMEDIATE
 *    transaction, which pairs the article the old way when the counter has
 *    moved since step 1 (another import, a deletion or re-analysis,
 *    another process), so no pair is ever missed or made with a gone quote.
 *
 * Imports of one process take turns through steps 1–3 (importInOrder), so
 * an article always sees the one stored before it.
 */
import { fileOf, type Db } from '../db.js';
import type { PreparedArticle } from '../ingest/index.js';
import {
  canPair,
  prepareForPairing,
  prepareQuote,
  rankCandidates,
  rememberPostings,
  type PostingSource,
} from '../pairing/index.js';
import { decidePlannedQuotes, type DecidedQuote, type PlannedQuote } from '../pairing/pair-job.js';
import type { WordVectors } from '../vectors/table.js';
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

/** A quote of a new article with the index terms its candidates are found by (and without them yet). */
export type QuoteToPlan = Omit<PlannedQuote, 'candidates'> & { terms: string[] };

/** The quote at `index` of an analysis as it is planned, or undefined when it never pairs (scare quotes). */
function toPlan(analysis: StoredAnalysis, index: number, vectors: WordVectors | undefined): QuoteToPlan | undefined {
  const q = analysis.quotes[index];
  if (!canPair(q.kind)) return undefined;
  const indexed = analysis.index?.[index];
  const rows = analysis.rows?.quotes[index];
  // a worker's analysis carries features as text: they cross to the pair job as text too, cheaply
  const features = indexed?.features ?? (rows ? undefined : prepareQuote(q.text, vectors));
  const terms =
    indexed?.terms ??
    rows?.terms ??
    prepareForPairing({ id: '', article: '', text: q.text, speaker: q.speaker, kind: q.kind }, vectors, features).terms;
  return {
    index,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    ...(features ? { features } : { encoded: rows!.features }),
    terms,
  };
}

/** A planned quote's candidates, read from the term index (the new article has no postings yet: no article has id 0). */
function readCandidates(db: Db, source: PostingSource, { terms, ...quote }: QuoteToPlan): PlannedQuote {
  const ids = rankCandidates(source, terms, '0').map(Number);
  return { ...quote, candidates: getPairingQuotes(db, ids) };
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
  for (let index = 0; index < analysis.quotes.length; index += 1) {
    const quote = toPlan(analysis, index, vectors);
    if (!quote) continue;
    quotes.push(readCandidates(db, source, quote));
    if (batches && quotes.length - sent >= batches.batch) batches.send(quotes.slice(sent, (sent = quotes.length)));
    await nextTurn();
  }
  if (batches && quotes.length > sent) batches.send(quotes.slice(sent));
  return { generation, quotes };
}

/**
 * Read the candidates of planned quotes in one read transaction and decide
 * them: a worker's pair job, through its own read-only connection, so the
 * request thread neither reads candidates nor scores them.
 */
export function readAndDecide(db: Db, quotes: QuoteToPlan[], vectors: WordVectors | undefined): DecidedPairing {
  const read = db.transaction(() => {
    const source = rememberPostings(storeSource(db));
    return { generation: readPairingGeneration(db), planned: quotes.map((q) => readCandidates(db, source, q)) };
  });
  const { generation, planned } = read();
  return { generation, decided: decidePlannedQuotes(planned, vectors) };
}

/**
 * Quotes per pair job: about two jobs per worker for an article, and not
 * fewer than two quotes a job. An article's pairing is the part of an import
 * that runs alone, so its quotes are shared finely: with eight quotes or more
 * a job, an article of eleven quotes went out as jobs of eight and three, and
 * the worker with three waited for the other.
 */
export function pairBatchSize(pairable: number, workers: number): number {
  return Math.max(2, Math.ceil(pairable / (2 * Math.max(1, workers))));
}

/**
 * Read, score on the runner and return the decided pairs of an analysis.
 * Imports of one database take turns (each article is a candidate of the
 * next), so one article's reading and scoring is the part of an import that
 * runs alone. With worker threads and a database file, each worker reads its
 * batch's candidates through its own read-only connection and scores them:
 * reading was about a third of the request thread's work in a folder import,
 * and it ran while the workers waited. Otherwise (an in-memory database, no
 * workers) this thread reads a quote per turn and sends the quotes out in
 * batches as they are read.
 */
export async function decidePairing(db: Db, runner: JobRunner, analysis: StoredAnalysis): Promise<DecidedPairing> {
  const database = fileOf(db);
  if (runner.size > 0 && database) return decideInWorkers(db, database, runner, analysis);
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

/** Reading and scoring in the workers, a batch of quotes each; batches read at different moments count as moved. */
async function decideInWorkers(
  db: Db,
  database: string,
  runner: JobRunner,
  analysis: StoredAnalysis,
): Promise<DecidedPairing> {
  const vectors = loadVectors();
  const quotes = analysis.quotes.flatMap((_, index) => toPlan(analysis, index, vectors) ?? []);
  if (quotes.length === 0) return { generation: readPairingGeneration(db), decided: [] };
  const size = pairBatchSize(quotes.length, runner.size);
  const jobs: Promise<DecidedPairing>[] = [];
  for (let at = 0; at < quotes.length; at += size)
    jobs.push(runner.run({ kind: 'read-pair', database, quotes: quotes.slice(at, at + size) }));
  const parts = await Promise.all(jobs);
  const generation = parts.every((p) => p.generation === parts[0].generation) ? parts[0].generation : MOVED;
  return { generation, decided: parts.flatMap((p) => p.decided).sort((a, b) => a.index - b.index) };
}

/** A generation no corpus has: the plan is read again, or paired in the write transaction. */
const MOVED = -1;

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
