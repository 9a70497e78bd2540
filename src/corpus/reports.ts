/**
 * Reports: gathering what an export shows from the store (articles,
 * comparisons, annotations, tallies, densities, outlet profiles), rendering
 * it in one of the four formats, and importing a Web Annotation export into
 * this instance.
 *
 * Import decisions:
 * - One transaction for the whole file. Annotations that can be stored are
 *   committed together; those that cannot (article not here, unknown tag,
 *   unreadable) are listed with the reason and nothing of them is stored. A
 *   file that is not valid JSON or not an AnnotationCollection imports
 *   nothing.
 * - Articles are found by the target source: `urn:retold:article:<hash>`
 *   (the text hash) or an http(s) address that exactly one article has.
 * - Anchoring: the TextPositionSelector when the exact words are there; else
 *   the TextQuoteSelector (exact words, best-matching context); else a fuzzy
 *   match (reanchor). When the words cannot be found the annotation is still
 *   imported, as `orphaned` with the file's words and position, so a reviewer
 *   can place it again; it is reported as orphaned, never dropped silently.
 * - Uuids are kept; an annotation whose uuid is already here is reported as
 *   already present and left as it is.
 * - Creators are matched by user name. An unknown creator's annotation is
 *   given to the importing user, and the original name is appended to the
 *   note ("Imported; written by NAME."); without an importing user (CLI
 *   without --user) it is refused.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { describeSpan, reanchor } from '../annotations/anchor.js';
import { EDITORIAL_CATEGORIES, measureDensity, type EditorialDensity } from '../editorial/index.js';
import { getArticle, listArticles, type ArticleRow } from '../store/articles.js';
import { getAnnotationByUuid, insertAnnotation, insertHistory, selectAnnotations, updateAnnotationRow, type AnnotationRow } from '../store/annotations.js';
import { listEditorialSpans } from '../store/editorial.js';
import { listRelatedArticles, listTopArticlePairs } from '../store/pairs.js';
import { findArticleIdByHash, findArticleIdByUrl, listArticleIdsOfOutlet, listOutletNames, listPairedArticlePairs } from '../store/reports.js';
import { getTag, listTags } from '../store/tags.js';
import { getUserByName } from '../store/users.js';
import { articleIriPrefix, articleSource, renderAnnotationCollection } from '../reports/jsonld.js';
import { readAnnotationCollection, type ImportedAnnotation, type ImportedTarget } from '../reports/read-jsonld.js';
import { renderAnnotationsCsv } from '../reports/csv.js';
import { renderReportHtml } from '../reports/html.js';
import { renderReportMarkdown } from '../reports/markdown.js';
import { tallyTags } from '../reports/tally.js';
import type { CategoryTally, OutletProfile, Report, ReportAnnotation, ReportArticle, ReportComparison, ReportFilters, ReportScope } from '../reports/model.js';
import { compareArticles, type Comparison } from './comparison.js';
import { maxNoteLength } from './annotations.js';
import { ensureTags } from './tags.js';

/** The export formats. */
export const reportFormats = ['html', 'md', 'csv', 'jsonld'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Options for deterministic output (tests) and the collection id. */
export interface ReportOptions {
  /** when the report is made; defaults to now */
  generatedAt?: string;
  /** the AnnotationCollection id; defaults to a fresh urn:uuid */
  collectionId?: string;
}

/** At most this many comparisons go into one report (each runs the NLP on two texts). */
const maxComparisons = 12;

function articleCache(db: Db): (id: number) => ArticleRow | undefined {
  const cache = new Map<number, ArticleRow | undefined>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, getArticle(db, id));
    return cache.get(id);
  };
}

function densityOf(db: Db, article: Pick<ArticleRow, 'id' | 'wordCount'>): { density: EditorialDensity; spans: { category: string; voice: string }[] } {
  // a dismissed suggestion was judged not editorial, so it does not count
  const spans = listEditorialSpans(db, article.id).filter((s) => s.status !== 'dismissed');
  return { density: measureDensity(spans, article.wordCount), spans };
}

function toReportArticle(db: Db, a: ArticleRow): ReportArticle {
  return { id: a.id, title: a.title, outlet: a.outlet, author: a.author, published: a.published, url: a.url, wordCount: a.wordCount, source: articleSource(a.textHash), density: densityOf(db, a).density };
}

function toReportAnnotation(row: AnnotationRow, article: (id: number) => ArticleRow | undefined): ReportAnnotation {
  const main = article(row.articleId)!;
  const other = row.other ? article(row.other.articleId) : undefined;
  return {
    uuid: row.uuid,
    articleId: row.articleId,
    articleTitle: main.title,
    articleSource: articleSource(main.textHash),
    articleOutlet: main.outlet,
    articlePublished: main.published,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    tagId: row.tagId,
    tagLabel: row.tagLabel,
    tagFamily: row.tagFamily,
    note: row.note,
    other:
      row.other && other
        ? { articleId: other.id, articleTitle: other.title, articleSource: articleSource(other.textHash), start: row.other.start, end: row.other.end, exact: row.other.exact, prefix: row.other.prefix, suffix: row.other.suffix }
        : null,
    creatorName: row.creatorName,
    status: row.status,
    createdAt: row.createdAt,
    modifiedAt: row.modifiedAt,
  };
}

function toReportComparison(c: Comparison): ReportComparison {
  return {
    leftId: c.left.id,
    rightId: c.right.id,
    pairs: c.pairs.map((p) => ({
      relation: p.pair.relation,
      score: p.pair.score,
      status: p.pair.status,
      earlier: { articleId: p.earlier.quote.articleId, quote: p.earlier.quote.text, kind: p.earlier.quote.kind, speaker: p.earlier.quote.speaker ?? p.earlier.quote.speakerName, diffHtml: p.earlier.html.match(/<span class="quoted">([\s\S]*)<\/span>/)?.[1] ?? '' },
      later: { articleId: p.later.quote.articleId, quote: p.later.quote.text, kind: p.later.quote.kind, speaker: p.later.quote.speaker ?? p.later.quote.speakerName, diffHtml: p.later.html.match(/<span class="quoted">([\s\S]*)<\/span>/)?.[1] ?? '' },
      inlineHtml: p.inlineHtml,
      changes: p.changes.map((ch) => ({ type: ch.type, message: ch.message })),
      fidelity: p.fidelity,
    })),
  };
}

/** The annotations a scope and filters select, in article and text order. */
export function selectReportAnnotations(db: Db, scope: ReportScope, filters: ReportFilters): AnnotationRow[] {
  const base = { tagId: filters.tag, creatorName: filters.reviewer, from: filters.from, to: filters.to, limit: 10_000 };
  let rows: AnnotationRow[];
  if (scope.kind === 'article') rows = selectAnnotations(db, { ...base, involvingArticleId: scope.articleId });
  else if (scope.kind === 'compare') {
    const byUuid = new Map<string, AnnotationRow>();
    for (const id of scope.articleIds) for (const r of selectAnnotations(db, { ...base, involvingArticleId: id })) byUuid.set(r.uuid, r);
    rows = [...byUuid.values()].sort((x, y) => x.articleId - y.articleId || x.start - y.start || x.id - y.id);
  } else rows = selectAnnotations(db, base);
  const outlet = scope.kind === 'outlet' ? scope.outlet : filters.outlet;
  if (outlet) rows = rows.filter((r) => (r.articleOutlet ?? '').toLowerCase() === outlet.toLowerCase());
  return rows;
}

function scopeArticleIds(db: Db, scope: ReportScope, filters: ReportFilters): { articles: number[]; comparisons: [number, number][] } {
  if (scope.kind === 'article') {
    const related = listRelatedArticles(db, scope.articleId).slice(0, maxComparisons);
    return { articles: [scope.articleId, ...related.map((r) => r.articleId)], comparisons: related.map((r) => [scope.articleId, r.articleId]) };
  }
  if (scope.kind === 'compare') return { articles: [...scope.articleIds], comparisons: [scope.articleIds] };
  const outlet = scope.kind === 'outlet' ? scope.outlet : filters.outlet;
  if (outlet) return { articles: listArticleIdsOfOutlet(db, outlet), comparisons: [] };
  return {
    articles: listArticles(db, 'published', 'asc').map((a) => a.id),
    comparisons: listTopArticlePairs(db, maxComparisons).map((p) => [p.articleA, p.articleB]),
  };
}

function titleOf(scope: ReportScope, article: (id: number) => ArticleRow | undefined): string {
  if (scope.kind === 'article') return `Report: ${article(scope.articleId)?.title ?? ''}`;
  if (scope.kind === 'compare') return `Comparison report: ${article(scope.articleIds[0])?.title ?? ''} / ${article(scope.articleIds[1])?.title ?? ''}`;
  if (scope.kind === 'outlet') return `Outlet report: ${scope.outlet}`;
  return 'Corpus report';
}

/**
 * Gather a report: undefined when the scope names an article (or outlet)
 * that does not exist.
 */
export function gatherReport(db: Db, scope: ReportScope, filters: ReportFilters = {}, options: ReportOptions = {}): Report | undefined {
  const article = articleCache(db);
  if (scope.kind === 'article' && !article(scope.articleId)) return undefined;
  if (scope.kind === 'compare' && (!article(scope.articleIds[0]) || !article(scope.articleIds[1]))) return undefined;
  let profile: OutletProfile | undefined;
  if (scope.kind === 'outlet') {
    profile = getOutletProfile(db, scope.outlet);
    if (!profile) return undefined;
  }
  const ids = scopeArticleIds(db, scope, filters);
  const articles = ids.articles.map((id) => article(id)).filter((a): a is ArticleRow => a !== undefined);
  const annotations = selectReportAnnotations(db, scope, filters).map((r) => toReportAnnotation(r, article));
  const comparisons = ids.comparisons.map(([a, b]) => compareArticles(db, a, b)).filter((c): c is Comparison => c !== undefined).map(toReportComparison);
  const counts = new Map<string, CategoryTally>(EDITORIAL_CATEGORIES.map((c) => [c.id as string, { category: c.id, name: c.name, writer: 0, quoted: 0 }]));
  const reportArticles = articles.map((a) => {
    const { density, spans } = densityOf(db, a);
    for (const s of spans) {
      const t = counts.get(s.category) ?? { category: s.category, name: s.category, writer: 0, quoted: 0 };
      t[s.voice === 'quoted' ? 'quoted' : 'writer'] += 1;
      counts.set(s.category, t);
    }
    return { ...toReportArticle(db, a), density };
  });
  return {
    title: titleOf(scope, article),
    scope,
    filters,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    articles: reportArticles,
    comparisons,
    annotations,
    tagTallies: tallyTags(annotations),
    categoryTallies: [...counts.values()],
    ...(profile ? { profile } : {}),
  };
}

/** A rendered export: the body, its media type and a file name for Content-Disposition. */
export interface RenderedExport {
  body: string;
  contentType: string;
  filename: string;
}

const contentTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
};

function fileStem(scope: ReportScope): string {
  const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'outlet';
  if (scope.kind === 'article') return `retold-article-${scope.articleId}`;
  if (scope.kind === 'compare') return `retold-compare-${scope.articleIds[0]}-${scope.articleIds[1]}`;
  if (scope.kind === 'outlet') return `retold-outlet-${slug(scope.outlet)}`;
  return 'retold-corpus';
}

/** Render an export in one format; undefined when the scope names nothing that exists. */
export function exportReport(db: Db, format: ReportFormat, scope: ReportScope, filters: ReportFilters = {}, options: ReportOptions = {}): RenderedExport | undefined {
  const stem = fileStem(scope);
  const extension = format === 'jsonld' ? 'jsonld' : format;
  if (format === 'csv' || format === 'jsonld') {
    // these two hold only annotations: no need to run comparisons
    const article = articleCache(db);
    if (scope.kind === 'article' && !article(scope.articleId)) return undefined;
    if (scope.kind === 'compare' && scope.articleIds.some((id) => !article(id))) return undefined;
    if (scope.kind === 'outlet' && listArticleIdsOfOutlet(db, scope.outlet).length === 0) return undefined;
    const annotations = selectReportAnnotations(db, scope, filters).map((r) => toReportAnnotation(r, article));
    const body =
      format === 'csv'
        ? renderAnnotationsCsv(annotations)
        : renderAnnotationCollection(annotations, { id: options.collectionId ?? `urn:uuid:${randomUUID()}`, label: titleOf(scope, article).replace(/^\w+ report/, 'Annotations') });
    return { body, contentType: contentTypes[format], filename: `${stem}.${extension}` };
  }
  const report = gatherReport(db, scope, filters, options);
  if (!report) return undefined;
  return { body: format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report), contentType: contentTypes[format], filename: `${stem}.${extension}` };
}

// ---------------------------------------------------------------- outlets

/** Profiles of every named outlet, by name. */
export function listOutletProfiles(db: Db): OutletProfile[] {
  return buildProfiles(db, listOutletNames(db).map((o) => o.outlet));
}

/** One outlet's profile (names compare without case), or undefined when no article names it. */
export function getOutletProfile(db: Db, outlet: string): OutletProfile | undefined {
  const known = listOutletNames(db).find((o) => o.outlet.toLowerCase() === outlet.toLowerCase());
  return known ? buildProfiles(db, [known.outlet])[0] : undefined;
}

function laterOf(x: ArticleRow, y: ArticleRow): ArticleRow {
  const k = (r: ArticleRow) => `${r.published ?? '9999-99-99'}#${String(r.id).padStart(12, '0')}`;
  return k(x) <= k(y) ? y : x;
}

function buildProfiles(db: Db, outlets: string[]): OutletProfile[] {
  if (outlets.length === 0) return [];
  const key = (s: string | null) => (s ?? '').toLowerCase();
  const wanted = new Set(outlets.map(key));
  const article = articleCache(db);
  const retold = new Map<string, { fidelity: number[]; loose: number; looseQuoted: number }>(outlets.map((o) => [key(o), { fidelity: [], loose: 0, looseQuoted: 0 }]));
  for (const { articleA, articleB } of listPairedArticlePairs(db)) {
    const a = article(articleA);
    const b = article(articleB);
    if (!a || !b || key(a.outlet) === key(b.outlet)) continue;
    // the later article retells the earlier one; compareArticles orders them the same way (dated before undated, then by id)
    if (!wanted.has(key(laterOf(a, b).outlet))) continue;
    const c = compareArticles(db, a.id, b.id);
    if (!c) continue;
    const slot = retold.get(key(c.right.outlet));
    if (!slot) continue;
    for (const p of c.pairs) {
      slot.fidelity.push(p.fidelity);
      if (p.pair.relation === 'paraphrase' || p.pair.relation === 'gist') {
        slot.loose += 1;
        if (p.later.quote.kind === 'full' || p.later.quote.kind === 'partial') slot.looseQuoted += 1;
      }
    }
  }
  const annotations = selectAnnotations(db, { limit: 10_000 });
  return outlets.map((outlet) => {
    const ids = listArticleIdsOfOutlet(db, outlet);
    const rows = ids.map((id) => article(id)!).filter(Boolean);
    const words = rows.reduce((n, a) => n + a.wordCount, 0);
    const spans = rows.flatMap((a) => densityOf(db, a).spans);
    const r = retold.get(key(outlet))!;
    const mean = r.fidelity.length ? r.fidelity.reduce((x, y) => x + y, 0) / r.fidelity.length : null;
    return {
      outlet,
      articles: rows.length,
      words,
      retold: r.fidelity.length,
      meanFidelity: mean,
      looseVersions: r.loose,
      looseInQuoteMarks: r.looseQuoted,
      looseQuotedShare: r.loose ? r.looseQuoted / r.loose : null,
      density: measureDensity(spans, words),
      topTags: tallyTags(annotations.filter((an) => key(an.articleOutlet) === key(outlet))).slice(0, 10),
    };
  });
}

// ---------------------------------------------------------------- import

/** How an imported annotation was placed. */
export type ImportPlacement = 'position' | 'quote' | 'fuzzy' | 'orphaned';

/** What an import did, annotation by annotation. */
export interface ImportReport {
  /** false when the file was refused as a whole (then nothing was imported) */
  ok: boolean;
  error?: string;
  imported: { id: string; uuid: string; articleId: number; placement: ImportPlacement; creator: string }[];
  present: { id: string; uuid: string }[];
  refused: { index: number; id: string | null; reason: string }[];
  warnings: string[];
}

function findArticleBySource(db: Db, source: string): number | undefined {
  if (source.startsWith(articleIriPrefix)) return findArticleIdByHash(db, source.slice(articleIriPrefix.length));
  if (/^https?:\/\//i.test(source)) return findArticleIdByUrl(db, source);
  return undefined;
}

function placeTarget(text: string, t: ImportedTarget): { placement: ImportPlacement; start: number; end: number; exact: string; prefix: string; suffix: string } {
  if (t.start !== null && t.end !== null && text.slice(t.start, t.end) === t.exact) return { placement: 'position', ...describeSpan(text, t.start, t.end) };
  const guess = t.start ?? 0;
  const r = reanchor({ start: guess, end: guess + t.exact.length, exact: t.exact, prefix: t.prefix, suffix: t.suffix }, text);
  if (r.status === 'unchanged' || r.status === 'moved') return { placement: 'quote', ...describeSpan(text, r.start, r.end) };
  if (r.status === 'fuzzy') return { placement: 'fuzzy', ...describeSpan(text, r.start, r.end) };
  // kept with the file's words and position so that a reviewer can place it again
  const start = Math.max(0, t.start ?? 0);
  return { placement: 'orphaned', start, end: Math.max(start + 1, t.end ?? start + t.exact.length), exact: t.exact, prefix: t.prefix, suffix: t.suffix };
}

function resolveTag(db: Db, a: ImportedAnnotation): { tagId: string | null } | { error: string } {
  if (!a.tagId && !a.tagLabel) return { tagId: null };
  if (a.tagId && getTag(db, a.tagId)) return { tagId: a.tagId };
  const byLabel = a.tagLabel ? listTags(db, true).find((t) => t.label.toLowerCase() === a.tagLabel!.toLowerCase()) : undefined;
  if (byLabel) return { tagId: byLabel.id };
  return { error: `the tag ${JSON.stringify(a.tagLabel ?? a.tagId)} is not in this instance's taxonomy` };
}

/**
 * Import an exported AnnotationCollection (JSON-LD text) into this instance.
 * `importer` is the user the import runs as (web: the signed-in reviewer;
 * CLI: --user), or null.
 */
export function importAnnotations(db: Db, text: string, importer: { id: number } | null): ImportReport {
  const reading = readAnnotationCollection(text);
  if (!reading.ok) return { ok: false, error: reading.error, imported: [], present: [], refused: [], warnings: [] };
  ensureTags(db);
  const report: ImportReport = { ok: true, imported: [], present: [], refused: [...reading.refused], warnings: [...reading.warnings] };
  db.transaction(() => {
    reading.annotations.forEach((a, index) => {
      const refuse = (reason: string) => report.refused.push({ index, id: a.id, reason });
      if (getAnnotationByUuid(db, a.uuid)) return void report.present.push({ id: a.id, uuid: a.uuid });
      const spans: ({ articleId: number } & ReturnType<typeof placeTarget>)[] = [];
      for (const t of a.targets) {
        const articleId = findArticleBySource(db, t.source);
        if (articleId === undefined) return refuse(`no article here has the source ${t.source}`);
        spans.push({ articleId, ...placeTarget(getArticle(db, articleId)!.text, t) });
      }
      if (spans.length === 2 && spans[0].articleId === spans[1].articleId) return refuse('both targets are in the same article');
      const tag = resolveTag(db, a);
      if ('error' in tag) return refuse(tag.error);
      const known = a.creatorName ? getUserByName(db, a.creatorName) : undefined;
      if (!known && !importer) return refuse(`the reviewer ${JSON.stringify(a.creatorName ?? '(none)')} has no account here (import as a user to keep it)`);
      const creatorId = known ? known.id : importer!.id;
      const note = known ? a.note : [a.note, `Imported; written by ${a.creatorName ?? 'an unnamed reviewer'}.`].filter(Boolean).join('\n\n');
      if (note && note.length > maxNoteLength) return refuse(`the note is longer than ${maxNoteLength} characters`);
      const [main, other] = spans;
      const orphaned = spans.some((s) => s.placement === 'orphaned');
      const pick = (s: (typeof spans)[number]) => ({ articleId: s.articleId, start: s.start, end: s.end, exact: s.exact, prefix: s.prefix, suffix: s.suffix });
      const row = { uuid: a.uuid, ...pick(main), tagId: tag.tagId, note: note || null, other: other ? pick(other) : null, creatorId, status: orphaned ? ('orphaned' as const) : ('active' as const), createdAt: a.createdAt };
      const id = insertAnnotation(db, row);
      if (a.modifiedAt !== a.createdAt) updateAnnotationRow(db, id, { ...row, modifiedAt: a.modifiedAt });
      insertHistory(db, { annotationId: id, userId: importer?.id ?? creatorId, action: 'create', at: new Date().toISOString(), before: null, after: { ...row, importedFrom: a.id } });
      const worst = spans.map((s) => s.placement).sort((x, y) => order.indexOf(y) - order.indexOf(x))[0];
      report.imported.push({ id: a.id, uuid: a.uuid, articleId: main.articleId, placement: worst, creator: known ? known.username : `${a.creatorName ?? 'unnamed'} (recorded as the importing user)` });
    });
  })();
  return report;
}

const order: ImportPlacement[] = ['position', 'quote', 'fuzzy', 'orphaned'];
