/**
 * Turning what a user hands in (pasted text, uploaded files, an address) into
 * article inputs, and importing them one by one with a per-item outcome. The
 * CPU work — reading the upload, preparing and analysing each article — runs
 * on a job runner (the worker pool in the server and `retold import`); this
 * thread only stores the results, one short transaction per article.
 */
import type { Db } from '../db.js';
import type { Config } from '../config.js';
import { IngestError, type ArticleInput } from '../ingest/index.js';
import { fetchUrl } from '../fetch/url.js';
import type { ImportMarks, ImportResult } from './articles.js';
import { importInOrder, planAhead } from './pairing-plan.js';
import type { DecidedPairing } from './pairing-reads.js';
import { inlineRunner, type JobRunner } from '../workers/pool.js';
import type { AnalyzedInput, UploadedFile } from '../workers/jobs.js';

export type { UploadedFile } from '../workers/jobs.js';

/** The outcome for one source item (a file, the pasted text, an address, an array entry). */
export type SourceOutcome =
  ({ source: string } & ImportResult) | { source: string; status: 'failed'; error: string; httpStatus: number };

/** Where the work runs and how much one request may hold. */
export interface ImportOptions {
  runner: JobRunner;
  /** largest upload, paste or page, in bytes (RETOLD_MAX_UPLOAD_MB) */
  maxBytes: number;
  /** most articles one upload, body or page may hold (a JSON array); more is refused with 413 */
  maxArticles?: number;
  /** mark what is imported as primary sources, and by whom */
  marks?: ImportMarks;
  /** the database the articles go to: given, each article's pairing is decided as soon as it is analysed (planAhead) */
  db?: Db;
}

/** Let other requests in between two stored articles of a long batch. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

type Settled =
  { ok: true; value: AnalyzedInput; pairing?: Promise<DecidedPairing | undefined> } | { ok: false; error: unknown };

/** A batch whose inputs are being analysed on the runner, not stored yet. */
export interface PendingBatch {
  source: string;
  /** the batch could not be read at all */
  failed?: SourceOutcome;
  items: { label: string; analysis: Promise<Settled> }[];
  marks?: ImportMarks;
  /** where the batch's pairing is scored */
  runner?: JobRunner;
}

/**
 * Queue the analysis of every input on the runner at once (so a batch uses
 * every worker); nothing is stored yet. Refuses a batch over the article limit.
 */
export function startBatch(options: ImportOptions, source: string, inputs: ArticleInput[]): PendingBatch {
  if (options.maxArticles !== undefined && inputs.length > options.maxArticles) {
    const error = new IngestError(
      `ingest: "${source}" holds ${inputs.length} articles, over the limit of ${options.maxArticles} per request (RETOLD_MAX_ARTICLES)`,
      413,
    );
    return { source, failed: failure(source, error), items: [] };
  }
  const { marks, db, runner } = options;
  const items = inputs.map((input, i) => ({
    label: inputs.length > 1 ? `${source} #${i + 1}` : source,
    analysis: runner.run({ kind: 'analyze', input }).then(
      (value): Settled => ({ ok: true, value, pairing: db && planAhead(db, runner, value.analysis) }),
      (error: unknown): Settled => ({ ok: false, error }),
    ),
  }));
  return { source, items, marks, runner: options.runner };
}

/** Store a batch's articles in order as their analyses arrive, one transaction each; a failure of one does not stop the others. */
export async function finishBatch(db: Db, batch: PendingBatch): Promise<SourceOutcome[]> {
  if (batch.failed) return [batch.failed];
  const outcomes: SourceOutcome[] = [];
  for (const { label, analysis } of batch.items) {
    const r = await analysis;
    if (!r.ok) {
      outcomes.push(failure(label, r.error));
      continue;
    }
    try {
      const stored = await importInOrder(
        db,
        batch.runner ?? inlineRunner,
        r.value.prepared,
        r.value.analysis,
        batch.marks,
        r.pairing,
      );
      outcomes.push({ source: label, ...stored });
    } catch (err) {
      // a refusal found only at store time (the text of a deleted article) fails this item, not the batch
      outcomes.push(failure(label, err));
    }
    await yieldToEvents();
  }
  return outcomes;
}

/** Import parsed inputs: analysed on the runner, stored one transaction each. */
export function importInputs(
  db: Db,
  options: ImportOptions,
  source: string,
  inputs: ArticleInput[],
): Promise<SourceOutcome[]> {
  return finishBatch(db, startBatch(options, source, inputs));
}

/**
 * Parse one uploaded file on the runner and queue the analysis of what it
 * holds; metadata given beside the file (a folder's manifest) wins over what
 * the file says.
 */
export async function startFile(
  options: ImportOptions,
  file: UploadedFile,
  metadata: Partial<ArticleInput> = {},
): Promise<PendingBatch> {
  try {
    const inputs = await options.runner.run({ kind: 'parse-upload', file, maxBytes: options.maxBytes });
    return startBatch(
      options,
      file.name,
      inputs.map((input) => ({ ...input, ...dropEmpty(metadata) })),
    );
  } catch (err) {
    return { source: file.name, failed: failure(file.name, err), items: [] };
  }
}

/** Parse and import one uploaded file. */
export async function importFile(db: Db, options: ImportOptions, file: UploadedFile): Promise<SourceOutcome[]> {
  return finishBatch(db, await startFile(options, file));
}

/** Parse and import pasted text with optional metadata. */
export async function importPaste(
  db: Db,
  options: ImportOptions,
  text: string,
  metadata: Omit<ArticleInput, 'text'> = {},
): Promise<SourceOutcome[]> {
  let inputs: ArticleInput[];
  try {
    inputs = (await options.runner.run({ kind: 'parse-paste', text, maxBytes: options.maxBytes })).map((input) => ({
      ...input,
      ...dropEmpty(metadata),
    }));
  } catch (err) {
    return [failure('pasted text', err)];
  }
  return importInputs(db, options, 'pasted text', inputs);
}

/** Fetch an address within the configured limits and import what it holds. */
export async function importUrl(db: Db, options: ImportOptions, config: Config, url: string): Promise<SourceOutcome[]> {
  let inputs: ArticleInput[];
  try {
    const file = await fetchUrl(url, {
      timeoutMs: config.fetchTimeoutMs,
      maxBytes: config.maxUploadBytes,
      maxRedirects: config.fetchMaxRedirects,
      allowPrivate: config.allowPrivateUrls,
    });
    inputs = (await options.runner.run({ kind: 'parse-upload', file, maxBytes: options.maxBytes })).map((input) => ({
      ...input,
      url: input.url ?? file.url,
    }));
  } catch (err) {
    return [failure(url, err)];
  }
  return importInputs(db, options, url, inputs);
}

/** What a user hands in at once (the import form, or an API request); each part may be empty. */
export interface HandedSources {
  files: UploadedFile[];
  /** pasted text with the metadata the form gave for it */
  paste?: { text: string; metadata: Omit<ArticleInput, 'text'> };
  url?: string;
}

/** Import handed-in sources in the order the import page lists them: the files, the pasted text, the address. */
export async function importSources(
  db: Db,
  options: ImportOptions,
  config: Config,
  sources: HandedSources,
): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  for (const file of sources.files) outcomes.push(...(await importFile(db, options, file)));
  if (sources.paste) outcomes.push(...(await importPaste(db, options, sources.paste.text, sources.paste.metadata)));
  if (sources.url) outcomes.push(...(await importUrl(db, options, config, sources.url)));
  return outcomes;
}

function dropEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Partial<T>;
}

function failure(source: string, err: unknown): SourceOutcome {
  if (err instanceof IngestError) return { source, status: 'failed', error: err.message, httpStatus: err.status };
  throw err;
}

/** The HTTP status for a batch: 201 when something was imported (an article or a version), else the first failure's, else 200 (all duplicates). */
export function batchStatus(outcomes: SourceOutcome[]): number {
  if (outcomes.some((o) => o.status === 'imported' || o.status === 'version')) return 201;
  const failed = outcomes.find((o) => o.status === 'failed');
  if (failed && failed.status === 'failed') return failed.httpStatus;
  return 200;
}
