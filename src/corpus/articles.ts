/**
 * Article orchestration shared by the web pages, the JSON API and the CLI:
 * import (prepare → analyse → store in one transaction), edit, delete.
 */
import type { Db } from '../db.js';
import { IngestError, prepareArticle, type ArticleInput, type PreparedArticle } from '../ingest/index.js';
import { hashText } from '../ingest/hash.js';
import type { ArticleText } from '../store/articles.js';
import {
  findArticleByHash,
  getArticle,
  insertArticle,
  updateArticleMetadata,
  type EditableArticleMetadata,
  type ArticleRow,
  type ArticleSummary,
} from '../store/articles.js';
import {
  findArticleByVersionHash,
  findLiveArticleByUrl,
  setSimilarTo,
  type SimilarArticle,
} from '../store/article-versions.js';
import { analyzeForStore, storeAnalysisSteps, type StoredAnalysis } from './analysis.js';
import { runInTurns, runSteps, type WriteSteps } from './write-turns.js';
import { sketchOf, textHashOf } from '../workers/store-rows.js';
import type { DecidedPairing } from './pairing-reads.js';
import { readPairingGeneration } from '../store/pairs.js';
import { type ReanchorSummary } from './annotation-reanchoring.js';
import { findNearDuplicate, supersedeText } from './article-versions.js';
import { setArticleKind } from '../store/references.js';

/** The text columns of a prepared article, as the store keeps them. */
export function storedText(prepared: PreparedArticle, textHash: string, sketch: number[]): ArticleText {
  const { format, original, text, furniture, wordCount } = prepared;
  return { format, original, text, textHash, furniture, wordCount, sketch };
}

/** The outcome of importing one input. */
export type ImportResult =
  | { status: 'imported'; article: ArticleRow; similarTo?: SimilarArticle }
  | { status: 'version'; article: ArticleRow; version: number; annotations: ReanchorSummary }
  | { status: 'duplicate'; existing: ArticleSummary };

/**
 * Import one article: prepare it (normalize, strip furniture, detect metadata),
 * analyse it, refuse a duplicate of an existing text, and store it with its
 * analysis in one transaction, so a failure leaves the database as it was.
 */
export function importArticle(db: Db, input: ArticleInput): ImportResult {
  const prepared = prepareArticle(input);
  return storeImport(db, prepared, analyzeForStore(prepared.text));
}

/** How a whole import marks what it stores: as primary sources, and by whom. */
export interface ImportMarks {
  /** store every article of the import as a primary source (an article's own `kind` marks it alone) */
  primarySource?: boolean;
  /** who imported, recorded with the mark; null from the command line */
  userId?: number | null;
}

/**
 * Store a prepared and analysed article. The CPU work is done before, so the
 * write lock (BEGIN IMMEDIATE) is held only for the inserts and the pairing
 * look-ups; a duplicate is detected under the lock (and keeps its own kind).
 * With `pairing` decided beforehand (src/corpus/pairing-plan.ts) its pairs
 * are stored as they are, unless the corpus's quotes changed since: then it
 * pairs here.
 */
export function storeImport(
  db: Db,
  prepared: PreparedArticle,
  analysis: StoredAnalysis,
  marks: ImportMarks = {},
  pairing?: DecidedPairing,
): ImportResult {
  const steps = importSteps(db, prepared, analysis, marks, pairing);
  return db.transaction(() => runSteps(steps)).immediate();
}

/**
 * storeImport with the event loop given turns (every `sliceMs` of work) while
 * a long article's rows are inserted, still in one IMMEDIATE transaction
 * (src/corpus/write-turns.ts).
 */
export function storeImportInTurns(
  db: Db,
  prepared: PreparedArticle,
  analysis: StoredAnalysis,
  marks: ImportMarks = {},
  pairing?: DecidedPairing,
  sliceMs?: number,
): Promise<ImportResult> {
  const steps = importSteps(db, prepared, analysis, marks, pairing);
  return runInTurns(db, () => steps, sliceMs);
}

/** The steps of storing an import, run in its write transaction; the checks and reads before them run at once, before the lock. */
function importSteps(
  db: Db,
  prepared: PreparedArticle,
  analysis: StoredAnalysis,
  marks: ImportMarks,
  pairing: DecidedPairing | undefined,
): WriteSteps<ImportResult> {
  if (analysis.text !== prepared.text) throw new Error('analysis: the analysis to store was computed for another text');
  const textHash = textHashOf(analysis);
  // read before the write lock is taken: it only asks a question, so an article stored meanwhile may go unasked
  const sketch = sketchOf(analysis);
  const similarTo = findNearDuplicate(db, prepared.text, prepared.wordCount, sketch);
  return (function* (): WriteSteps<ImportResult> {
    const existing = findArticleByHash(db, textHash);
    if (existing && !getArticle(db, existing.id)) {
      throw new IngestError(
        `ingest: this text is article ${existing.id}, which is deleted; an admin can restore it from /articles/deleted`,
        409,
      );
    }
    if (existing) return { status: 'duplicate', existing };
    // the text an article had before (an earlier version) is that article too
    const earlier = findArticleByVersionHash(db, textHash);
    if (earlier) return { status: 'duplicate', existing: earlier };
    // the same address with changed text is the same article, edited since
    const sameAddress = prepared.url ? findLiveArticleByUrl(db, prepared.url) : undefined;
    if (sameAddress !== undefined) {
      const r = supersedeText(db, sameAddress, storedText(prepared, textHash, sketch), analysis, 'reimport');
      return { status: 'version', ...r };
    }
    const id = insertArticle(db, {
      title: prepared.title,
      outlet: prepared.outlet,
      author: prepared.author,
      published: prepared.published,
      url: prepared.url,
      ...storedText(prepared, textHash, sketch),
    });
    // marked in the same transaction, so no reader sees the transcript compared as a retelling
    if (marks.primarySource || prepared.kind === 'primary-source')
      setArticleKind(db, id, 'primary-source', marks.userId ?? null);
    const article = getArticle(db, id)!;
    // the kind mark above moves no quote, so the counter read here is the one the pairing was decided at
    const current = pairing && readPairingGeneration(db) === pairing.generation;
    yield* storeAnalysisSteps(db, article, analysis, current ? pairing.decided : undefined);
    if (similarTo) setSimilarTo(db, id, similarTo);
    return { status: 'imported', article, ...(similarTo && { similarTo }) };
  })();
}

/** Correct an article's metadata. Returns undefined when it does not exist. */
export function editArticle(db: Db, id: number, metadata: EditableArticleMetadata): ArticleRow | undefined {
  return db
    .transaction(() => {
      if (!updateArticleMetadata(db, id, metadata)) return undefined;
      return getArticle(db, id);
    })
    .immediate();
}

/** The outcome of replacing an article's text. */
export type ReplaceTextResult =
  | { status: 'replaced'; article: ArticleRow; version: number; annotations: ReanchorSummary }
  | { status: 'unchanged'; article: ArticleRow }
  | { status: 'duplicate'; existing: ArticleSummary }
  | { status: 'not-found' };

/**
 * Replace an article's text with a corrected version: in one transaction,
 * keep the text it had as a version, store the new text, analyse it again and
 * find its annotations again (those whose words are gone are marked orphaned,
 * not moved or dropped). Metadata stays as it is.
 */
export function replaceArticleText(
  db: Db,
  id: number,
  input: Pick<ArticleInput, 'text' | 'original' | 'format'>,
): ReplaceTextResult {
  const prepared = prepareArticle({ text: input.text, original: input.original, format: input.format });
  return storeReplacement(db, id, prepared, analyzeForStore(prepared.text));
}

/**
 * Store a corrected text prepared and analysed beforehand (by a worker): the
 * write half of replaceArticleText, in one IMMEDIATE transaction.
 */
export function storeReplacement(
  db: Db,
  id: number,
  prepared: PreparedArticle,
  analysis: StoredAnalysis,
): ReplaceTextResult {
  const textHash = hashText(prepared.text);
  const sketch = sketchOf(analysis);
  return db
    .transaction((): ReplaceTextResult => {
      const current = getArticle(db, id);
      if (!current) return { status: 'not-found' };
      if (current.textHash === textHash) return { status: 'unchanged', article: current };
      const existing = findArticleByHash(db, textHash);
      if (existing) return { status: 'duplicate', existing };
      return {
        status: 'replaced',
        ...supersedeText(db, id, storedText(prepared, textHash, sketch), analysis, 'replace'),
      };
    })
    .immediate();
}
