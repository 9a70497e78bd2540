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
 * Imports of one process take turns through step 3 (importInOrder), so an
 * article always sees the one stored before it. Steps 1–2 may run ahead of
 * the turn (planAhead), while the articles before it are stored: in its turn
 * the article's candidates are read again and only those new since are
 * decided (src/corpus/pairing-reads.ts), so the turn that runs alone costs
 * a reading, not a scoring.
 */
import { fileOf, type Db } from '../db.js';
import type { PreparedArticle } from '../ingest/index.js';
import { canPair, prepareForPairing, prepareQuote, rememberPostings } from '../pairing/index.js';
import type { DecidedQuote, PlannedQuote } from '../pairing/pair-job.js';
import type { WordVectors } from '../vectors/table.js';
import { readPairingGeneration } from '../store/pairs.js';
import {
  readCandidates,
  readSnapshot,
  type DecidedPairing,
  type EarlierDecisions,
  type QuoteToPlan,
  type Snapshot,
} from './pairing-reads.js';
import { findArticleByHash } from '../store/articles.js';
import { loadVectors } from '../vectors/load.js';
import type { JobRunner } from '../workers/pool.js';
import { storeImport, storeImportInTurns, type ImportMarks, type ImportResult } from './articles.js';
import type { StoredAnalysis } from './analysis.js';
import { textHashOf } from '../workers/store-rows.js';
import { storeSource } from './pairs.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where planned quotes go as they are read: `send` is given every `batch` of them (and the rest at the end). */
export interface PlanBatches {
  batch: number;
  send(quotes: PlannedQuote[]): void;
}

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

/** Read the candidates of every quote of an analysis, one quote per turn of the event loop. */
export async function planPairing(
  db: Db,
  analysis: StoredAnalysis,
  batches?: PlanBatches,
): Promise<{ snapshot: Snapshot; quotes: PlannedQuote[] }> {
  const vectors = loadVectors();
  // answers kept across the turns: a plan read while the corpus moved is thrown away (the generation)
  const source = rememberPostings(storeSource(db));
  const snapshot = readSnapshot(db);
  const quotes: PlannedQuote[] = [];
  let sent = 0;
  for (let index = 0; index < analysis.quotes.length; index += 1) {
    const quote = toPlan(analysis, index, vectors);
    if (!quote) continue;
    quotes.push(readCandidates(db, source, quote).planned);
    if (batches && quotes.length - sent >= batches.batch) batches.send(quotes.slice(sent, (sent = quotes.length)));
    await nextTurn();
  }
  if (batches && quotes.length > sent) batches.send(quotes.slice(sent));
  return { snapshot, quotes };
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
export async function decidePairing(
  db: Db,
  runner: JobRunner,
  analysis: StoredAnalysis,
  { earlier, urgent = false }: { earlier?: EarlierDecisions; urgent?: boolean } = {},
): Promise<DecidedPairing> {
  const database = fileOf(db);
  if (runner.size > 0 && database) return decideInWorkers(db, database, runner, analysis, earlier, urgent);
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
  return { generation: plan.snapshot.generation, snapshot: plan.snapshot, decided };
}

/**
 * Reading and scoring in the workers, a batch of quotes each; batches read at
 * different moments count as moved. With earlier decisions on the same quotes,
 * the workers decide only the candidates new to them.
 */
async function decideInWorkers(
  db: Db,
  database: string,
  runner: JobRunner,
  analysis: StoredAnalysis,
  earlier: EarlierDecisions | undefined,
  urgent: boolean,
): Promise<DecidedPairing> {
  const vectors = loadVectors();
  const quotes = analysis.quotes.flatMap((_, index) => toPlan(analysis, index, vectors) ?? []);
  if (quotes.length === 0) {
    const snapshot = readSnapshot(db);
    return { generation: snapshot.generation, snapshot, decided: [] };
  }
  // shared among the workers only when the import waits for the whole of it; a pairing decided ahead, or read
  // again with its decisions, is one job: split, each worker read the same posting lists and candidates
  const size = urgent && !earlier ? pairBatchSize(quotes.length, runner.size) : quotes.length;
  const jobs: Promise<DecidedPairing>[] = [];
  for (let at = 0; at < quotes.length; at += size) {
    const batch = quotes.slice(at, at + size);
    const indices = new Set(batch.map((q) => q.index));
    const known = earlier && { ...earlier, decided: earlier.decided.filter((d) => indices.has(d.index)) };
    jobs.push(runner.run({ kind: 'read-pair', database, quotes: batch, earlier: known }, { urgent }));
  }
  const parts = await Promise.all(jobs);
  const generation = parts.every((p) => p.generation === parts[0].generation) ? parts[0].generation : MOVED;
  // the earliest reading: every decision holds from it on while quotes are only added
  const snapshot = parts.map((p) => p.snapshot).sort((x, y) => x.generation - y.generation)[0];
  return { generation, snapshot, decided: parts.flatMap((p) => p.decided).sort((a, b) => a.index - b.index) };
}

/** Pairings being decided ahead of their turn, by database. */
const decidingAhead = new WeakMap<Db, number>();

/**
 * Read and decide an analysed article's pairing now, before its turn to be
 * stored, so the workers decide one article's candidates while the articles
 * before it are stored; importInOrder then reads them again and decides only
 * the candidates new since. Only where the workers read the database
 * themselves, and at most two articles per worker ahead (a large batch is not
 * read far ahead of what is stored); otherwise undefined. A failure here is
 * no failure of the import: the pairing is decided again in turn.
 */
export function planAhead(
  db: Db,
  runner: JobRunner,
  analysis: StoredAnalysis,
): Promise<DecidedPairing | undefined> | undefined {
  const ahead = decidingAhead.get(db) ?? 0;
  if (runner.size === 0 || !fileOf(db) || ahead >= 2 * runner.size) return undefined;
  decidingAhead.set(db, ahead + 1);
  return decidePairing(db, runner, analysis)
    .catch(() => undefined)
    .finally(() => decidingAhead.set(db, (decidingAhead.get(db) ?? 1) - 1));
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
  ahead?: Promise<DecidedPairing | undefined>,
): Promise<ImportResult> {
  return inOrder(db, async () => {
    // a duplicate is refused by storeImport: no pairing to plan
    if (findArticleByHash(db, textHashOf(analysis))) return storeImport(db, prepared, analysis, marks);
    // decided ahead (planAhead), while the articles before it were stored: read again, deciding only what is new
    let pairing = await ahead;
    for (let attempt = 0; attempt <= REPLANS; attempt += 1) {
      if (pairing && readPairingGeneration(db) === pairing.generation) break;
      pairing = await decidePairing(db, runner, analysis, { earlier: pairing, urgent: true });
      await nextTurn();
    }
    // storeImport checks the counter again under the write lock and pairs in the transaction when it moved
    return storeImportInTurns(db, prepared, analysis, marks, pairing);
  });
}
