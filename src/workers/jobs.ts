/**
 * The CPU-heavy steps of an import as jobs a worker thread runs: reading an
 * upload (decoding, HTML extraction, JSON parsing) and preparing plus
 * analysing one article, and deciding the pairing candidates of a new
 * article's quotes (read by the store on the calling thread, or by the job
 * itself through a read-only connection of the worker's own). The same
 * functions run in the calling thread when no pool is used (tests, the
 * sample corpus).
 */
import {
  IngestError,
  parsePaste,
  parseUpload,
  prepareArticle,
  type ArticleInput,
  type PreparedArticle,
} from '../ingest/index.js';
import { analyzeForStore } from '../analysis/for-store.js';
import { readyForStore, type StoredAnalysis } from './store-rows.js';
import { loadVectors } from '../vectors/load.js';
import { decidePlannedQuotes, type DecidedQuote, type PlannedQuote } from '../pairing/pair-job.js';
import {
  readAndDecide,
  type DecidedPairing,
  type EarlierDecisions,
  type QuoteToPlan,
} from '../corpus/pairing-reads.js';
import { openReader, type Db } from '../db.js';
import { statSync } from 'node:fs';

/** One uploaded file or fetched page. */
export interface UploadedFile {
  name: string;
  type?: string;
  bytes: Uint8Array;
}

/** A job for a worker. */
export type Job =
  | { kind: 'parse-upload'; file: UploadedFile; maxBytes: number }
  | { kind: 'parse-paste'; text: string; maxBytes: number }
  | { kind: 'analyze'; input: ArticleInput }
  | { kind: 'pair'; quotes: PlannedQuote[] }
  | { kind: 'read-pair'; database: string; quotes: QuoteToPlan[]; earlier?: EarlierDecisions };

/** An article ready to store: prepared, and analysed for the store. */
export interface AnalyzedInput {
  prepared: PreparedArticle;
  analysis: StoredAnalysis;
}

/** What each kind of job gives back. */
export interface JobResults {
  'parse-upload': ArticleInput[];
  'parse-paste': ArticleInput[];
  analyze: AnalyzedInput;
  pair: DecidedQuote[];
  'read-pair': DecidedPairing;
}

/** Run a job in this thread. */
export function runJob(job: Job): ArticleInput[] | AnalyzedInput | DecidedQuote[] | DecidedPairing {
  switch (job.kind) {
    case 'parse-upload':
      return parseUpload(job.file, job.maxBytes);
    case 'parse-paste':
      return parsePaste(job.text, job.maxBytes);
    case 'analyze': {
      const prepared = prepareArticle(job.input);
      return { prepared, analysis: readyForStore(analyzeForStore(prepared.text, loadVectors())) };
    }
    case 'pair':
      return decidePlannedQuotes(job.quotes, loadVectors());
    case 'read-pair':
      return readAndDecide(readerOf(job.database), job.quotes, loadVectors(), job.earlier);
  }
}

/** Read-only connections of this thread, by database file (a server has one; a test run a few). */
const readers = new Map<string, { db: Db; inode: number }>();
const READERS_KEPT = 4;

/**
 * This thread's read-only connection to a database file, opened again when
 * the file at that path is another one (deleted and created anew): an old
 * connection would go on reading the removed file.
 */
function readerOf(file: string): Db {
  const inode = statSync(file).ino;
  const kept = readers.get(file);
  if (kept?.db.open && kept.inode === inode) return kept.db;
  if (kept) {
    kept.db.close();
    readers.delete(file);
  }
  if (readers.size >= READERS_KEPT) {
    const [oldest, reader] = readers.entries().next().value as [string, { db: Db }];
    reader.db.close();
    readers.delete(oldest);
  }
  const db = openReader(file);
  readers.set(file, { db, inode });
  return db;
}

/** A job's failure as it crosses threads: an input problem keeps its status, anything else is a bug. */
export interface JobFailure {
  ingest: boolean;
  status: number;
  message: string;
  stack?: string;
}

/** Turn a thrown error into a failure message. */
export function describeFailure(err: unknown): JobFailure {
  if (err instanceof IngestError) return { ingest: true, status: err.status, message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  return { ingest: false, status: 500, message: e.message, stack: e.stack };
}

/** Turn a failure message back into the error it was. */
export function reviveFailure(f: JobFailure): Error {
  if (f.ingest) return new IngestError(f.message, f.status as IngestError['status']);
  const e = new Error(f.message);
  if (f.stack) e.stack = f.stack;
  return e;
}
