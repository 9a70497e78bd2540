/**
 * Article versions: a text that replaces an article's text (a correction, a
 * re-import of the same address, a near-duplicate taken as a new version)
 * keeps the old one — its furniture record and the quotes found in it — as a
 * numbered version, so edits made after publication can be listed and diffed.
 */
import type { Db } from '../db.js';
import {
  mayBeNearDuplicates,
  nearDuplicateShare,
  shareIfAtLeast,
  shingleSet,
  sketchShingles,
} from '../ingest/shingles.js';
import { deleteArticle, getArticle, updateArticleText, type ArticleRow, type ArticleText } from '../store/articles.js';
import {
  getArticleVersion,
  getSimilarTo,
  getTextStoredAt,
  insertArticleVersion,
  getArticleTextOnly,
  listArticleSketchesByLength,
  listArticleVersions,
  setSimilarTo,
  setTextStoredAt,
  type SimilarArticle,
  type SupersededBy,
  type VersionQuote,
} from '../store/article-versions.js';
import { listQuotesOfArticle } from '../store/quotes.js';
import { selectAnnotations } from '../store/annotations.js';
import { analyzeForStore, storeArticleAnalysis, type StoredAnalysis } from './analysis.js';
import { reanchorArticleAnnotations, type ReanchorSummary } from './annotation-reanchoring.js';

/** What superseding a text did. */
export interface Superseded {
  article: ArticleRow;
  /** the number of the new (current) version */
  version: number;
  annotations: ReanchorSummary;
}

/**
 * Keep the article's current text as a version and store the new one with its
 * analysis; annotations are anchored again in the new text. Run inside a write
 * transaction; the analysis is of the new text.
 */
export function supersedeText(
  db: Db,
  id: number,
  text: ArticleText,
  analysis: StoredAnalysis,
  by: SupersededBy,
): Superseded {
  const current = getArticle(db, id);
  if (!current) throw new Error(`versions: no live article ${id} to supersede`);
  const at = new Date().toISOString();
  const quotes: VersionQuote[] = listQuotesOfArticle(db, id).map((q) => ({
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker ?? q.speakerName,
    cue: q.cue,
  }));
  const kept = insertArticleVersion(db, {
    articleId: id,
    format: current.format,
    original: current.original,
    text: current.text,
    textHash: current.textHash,
    furniture: current.furniture,
    wordCount: current.wordCount,
    quotes,
    storedAt: getTextStoredAt(db, id) ?? current.createdAt,
    supersededAt: at,
    supersededBy: by,
  });
  updateArticleText(db, id, text);
  setTextStoredAt(db, id, at);
  const article = getArticle(db, id)!;
  storeArticleAnalysis(db, article, analysis);
  const annotations = reanchorArticleAnnotations(db, id, article.text);
  return { article, version: kept + 1, annotations };
}

/**
 * The live article an imported text nearly duplicates (the highest share of
 * word shingles, at least 90 %), if any. Only articles of a similar length
 * can share that much, and of those only the ones whose shingle sketch may
 * (or that have none, stored before sketches) have their text read.
 */
export function findNearDuplicate(
  db: Db,
  text: string,
  wordCount: number,
  sketch: number[],
): SimilarArticle | undefined {
  const slack = nearDuplicateShare - 0.05;
  const candidates = listArticleSketchesByLength(db, Math.floor(wordCount * slack), Math.ceil(wordCount / slack));
  let mine: Set<string> | undefined;
  let best: SimilarArticle | undefined;
  for (const c of candidates) {
    if (c.sketch && !mayBeNearDuplicates(sketch, c.sketch)) continue;
    const other = getArticleTextOnly(db, c.id);
    if (other === undefined) continue;
    // shingling a long text costs a second on the thread that answers requests: only when a text is to be read
    mine ??= shingleSet(text);
    const share = shareIfAtLeast(mine, other, nearDuplicateShare);
    if (share !== null && share >= nearDuplicateShare && (!best || share > best.share))
      best = { id: c.id, title: c.title, share };
  }
  return best;
}

/** One version of an article as lists show it; the last is the current text. */
export interface VersionEntry {
  number: number;
  wordCount: number;
  /** when this text became the article's text */
  storedAt: string;
  supersededAt: string | null;
  supersededBy: SupersededBy | null;
  current: boolean;
}

/** Every version of an article, oldest first, the current text last. */
export function listVersions(db: Db, article: ArticleRow): VersionEntry[] {
  const old = listArticleVersions(db, article.id).map((v) => ({ ...v, current: false }));
  return [
    ...old,
    {
      number: old.length + 1,
      wordCount: article.wordCount,
      storedAt: getTextStoredAt(db, article.id) ?? article.createdAt,
      supersededAt: null,
      supersededBy: null,
      current: true,
    },
  ];
}

/** The text of one version of an article and what was found in it. */
export interface VersionText {
  number: number;
  current: boolean;
  text: string;
  format: string;
  furniture: ArticleRow['furniture'];
  quotes: VersionQuote[];
  wordCount: number;
  storedAt: string;
}

/** One version's text (the current one included), or undefined when there is no such version. */
export function getVersionText(db: Db, article: ArticleRow, number: number): VersionText | undefined {
  const old = getArticleVersion(db, article.id, number);
  if (old) return { ...old, current: false };
  const count = listArticleVersions(db, article.id).length;
  if (number !== count + 1) return undefined;
  return {
    number,
    current: true,
    text: article.text,
    format: article.format,
    furniture: article.furniture,
    quotes: listQuotesOfArticle(db, article.id).map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker ?? q.speakerName,
      cue: q.cue,
    })),
    wordCount: article.wordCount,
    storedAt: getTextStoredAt(db, article.id) ?? article.createdAt,
  };
}

/** The open "new version of …?" question of an article, if any. */
export function similarArticle(db: Db, articleId: number): SimilarArticle | undefined {
  return getSimilarTo(db, articleId);
}

/** The outcome of answering the question. */
export type MergeResult =
  | { status: 'merged'; article: ArticleRow; version: number; annotations: ReanchorSummary }
  | { status: 'not-found' }
  | { status: 'refused'; reason: string };

/**
 * Take an imported article as the newest version of another: its text (with
 * its furniture record) replaces the other's, which is kept as a version, and
 * the imported article is removed. Refused when someone has annotated the
 * imported article (its annotations would have nowhere to go).
 */
export function mergeAsVersion(db: Db, sourceId: number, targetId: number): MergeResult {
  const source = getArticle(db, sourceId);
  const target = getArticle(db, targetId);
  if (!source || !target) return { status: 'not-found' };
  if (sourceId === targetId) return { status: 'refused', reason: 'versions: an article cannot be a version of itself' };
  if (selectAnnotations(db, { involvingArticleId: sourceId, limit: 1, status: 'all' }).length > 0)
    return {
      status: 'refused',
      reason: `versions: article ${sourceId} has annotations; it stays a separate article`,
    };
  const analysis = analyzeForStore(source.text);
  return db
    .transaction((): MergeResult => {
      const { format, original, text, textHash, furniture, wordCount } = source;
      // the imported row goes first: its text hash is unique among articles
      deleteArticle(db, sourceId);
      const r = supersedeText(
        db,
        targetId,
        { format, original, text, textHash, furniture, wordCount, sketch: sketchShingles(text) },
        analysis,
        'merge',
      );
      return { status: 'merged', ...r };
    })
    .immediate();
}

/** Answer "no": the imported article is a separate article, and is not asked again. */
export function keepSeparate(db: Db, articleId: number): boolean {
  if (!getArticle(db, articleId)) return false;
  setSimilarTo(db, articleId, null);
  return true;
}
