/**
 * Turning what a user hands in (pasted text, uploaded files, an address) into
 * article inputs, and importing them one by one with a per-item outcome.
 */
import type { Db } from '../db.js';
import type { Config } from '../config.js';
import { IngestError, parsePaste, parseUpload, type ArticleInput } from '../ingest/index.js';
import { fetchUrl } from '../fetch/url.js';
import { importArticle, type ImportResult } from './articles.js';

/** One uploaded file. */
export interface UploadedFile {
  name: string;
  type?: string;
  bytes: Uint8Array;
}

/** The outcome for one source item (a file, the pasted text, an address, an array entry). */
export type SourceOutcome =
  | ({ source: string } & ImportResult)
  | { source: string; status: 'failed'; error: string; httpStatus: number };

/** Import parsed inputs, one transaction each; a failure of one does not stop the others. */
export function importInputs(db: Db, source: string, inputs: ArticleInput[]): SourceOutcome[] {
  return inputs.map((input, i) => {
    const label = inputs.length > 1 ? `${source} #${i + 1}` : source;
    try {
      return { source: label, ...importArticle(db, input) };
    } catch (err) {
      return failure(label, err);
    }
  });
}

/** Parse and import one uploaded file. */
export function importFile(db: Db, file: UploadedFile): SourceOutcome[] {
  try {
    return importInputs(db, file.name, parseUpload(file));
  } catch (err) {
    return [failure(file.name, err)];
  }
}

/** Parse and import pasted text with optional metadata. */
export function importPaste(db: Db, text: string, metadata: Omit<ArticleInput, 'text'> = {}): SourceOutcome[] {
  try {
    return importInputs(db, 'pasted text', parsePaste(text).map((input) => ({ ...input, ...dropEmpty(metadata) })));
  } catch (err) {
    return [failure('pasted text', err)];
  }
}

/** Fetch an address within the configured limits and import what it holds. */
export async function importUrl(db: Db, config: Config, url: string): Promise<SourceOutcome[]> {
  try {
    const file = await fetchUrl(url, {
      timeoutMs: config.fetchTimeoutMs,
      maxBytes: config.maxUploadBytes,
      maxRedirects: config.fetchMaxRedirects,
      allowPrivate: config.allowPrivateUrls,
    });
    const inputs = parseUpload(file).map((input) => ({ ...input, url: input.url ?? file.url }));
    return importInputs(db, url, inputs);
  } catch (err) {
    return [failure(url, err)];
  }
}

function dropEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

function failure(source: string, err: unknown): SourceOutcome {
  if (err instanceof IngestError) return { source, status: 'failed', error: err.message, httpStatus: err.status };
  throw err;
}

/** The HTTP status for a batch: 201 when something was imported, else the first failure's, else 200 (all duplicates). */
export function batchStatus(outcomes: SourceOutcome[]): number {
  if (outcomes.some((o) => o.status === 'imported')) return 201;
  const failed = outcomes.find((o) => o.status === 'failed');
  if (failed && failed.status === 'failed') return failed.httpStatus;
  return 200;
}
