/**
 * Reports: gathering what an export shows from the store (articles,
 * comparisons, annotations, tallies, densities, outlet profiles) and
 * rendering it in one of the formats.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { nameKey } from '../ingest/fields.js';
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import { listArticles, type ArticleRow } from '../store/articles.js';
import { selectAnnotations, type AnnotationRow } from '../store/annotations.js';
import { listRelatedArticles } from '../store/pairs.js';
import { listArticleIdsOfOutlet } from '../store/reports.js';
import { renderAnnotationCollection } from '../reports/jsonld.js';
import { renderAnnotationsCsv } from '../reports/csv.js';
import { renderReportHtml } from '../reports/html.js';
import { renderReportMarkdown } from '../reports/markdown.js';
import { tallyTags } from '../reports/tally.js';
import type {
  CategoryTally,
  OutletProfile,
  Report,
  ReportFilters,
  ReportScope,
  ReportTexts,
} from '../reports/model.js';
import type { ReportFormat } from '../reports/export-query.js';
import { compareArticles, type Comparison } from './comparison.js';
import { cacheArticles } from './article-cache.js';
import { getOutletProfile, measureStoredDensity } from './outlets.js';
import { claimReviewPublisher, exportClaimReviews } from './claimreview.js';
import { exportPairsCsv } from './pairs-csv.js';
import { compareMisquotesFirst } from '../pairing/index.js';
import { listCandidatePairs, selectPairs } from './report-pairs.js';
import { toReportAnnotation, toReportArticle, toReportComparison } from './report-parts.js';
import type { ClaimReviewPublisher } from '../reports/claimreview.js';
import { loadConfig } from '../config.js';

export { reportFormats, type ReportFormat } from '../reports/export-query.js';

/** Options for deterministic output (tests) and the collection id. */
export interface ReportOptions {
  /** when the report is made; defaults to now */
  generatedAt?: string;
  /** the AnnotationCollection id; defaults to a fresh urn:uuid */
  collectionId?: string;
  /** who publishes ClaimReviews and where (format claimreview) */
  claimReview?: ClaimReviewPublisher;
  /** the writer's title, summary and conclusion (HTML and Markdown) */
  texts?: ReportTexts;
}

/** At most this many comparisons go into one report (each runs the NLP on two texts). */
const maxComparisons = 12;

/** The annotations a scope and filters select, in article and text order. */
export function selectReportAnnotations(db: Db, scope: ReportScope, filters: ReportFilters): AnnotationRow[] {
  const base = { tagId: filters.tag, creatorName: filters.reviewer, from: filters.from, to: filters.to, limit: 10_000 };
  let rows: AnnotationRow[];
  if (scope.kind === 'article') rows = selectAnnotations(db, { ...base, involvingArticleId: scope.articleId });
  else if (scope.kind === 'compare') {
    const byUuid = new Map<string, AnnotationRow>();
    for (const id of scope.articleIds)
      for (const r of selectAnnotations(db, { ...base, involvingArticleId: id })) byUuid.set(r.uuid, r);
    rows = [...byUuid.values()].sort((x, y) => x.articleId - y.articleId || x.start - y.start || x.id - y.id);
  } else rows = selectAnnotations(db, base);
  const outlet = scope.kind === 'outlet' ? scope.outlet : filters.outlet;
  if (outlet) rows = rows.filter((r) => nameKey(r.articleOutlet ?? '') === nameKey(outlet));
  return rows;
}

function scopeArticleIds(db: Db, scope: ReportScope, filters: ReportFilters): number[] {
  if (scope.kind === 'article')
    return [
      scope.articleId,
      ...listRelatedArticles(db, scope.articleId)
        .slice(0, maxComparisons)
        .map((r) => r.articleId),
    ];
  if (scope.kind === 'compare') return [...scope.articleIds];
  const outlet = scope.kind === 'outlet' ? scope.outlet : filters.outlet;
  if (outlet) return listArticleIdsOfOutlet(db, outlet);
  return listArticles(db, 'published', 'asc').map((a) => a.id);
}

/**
 * The article pairs whose comparisons a report shows, and the pairs it keeps:
 * the selected pairs grouped by article pair (a comparison report always
 * shows its one comparison); without a choice by id, the article pairs with
 * most selected pairs first, at most maxComparisons of them.
 */
function selectComparisons(db: Db, scope: ReportScope, filters: ReportFilters) {
  const candidates = listCandidatePairs(db, scope, filters.outlet);
  const sel = selectPairs(candidates, filters);
  const selected = sel.ok ? sel.selected : [];
  const groups = new Map<string, { ids: [number, number]; n: number }>();
  for (const c of selected) {
    const ids: [number, number] = [c.earlier.articleId, c.later.articleId];
    const key = [...ids].sort((x, y) => x - y).join(',');
    const g = groups.get(key) ?? { ids, n: 0 };
    g.n += 1;
    groups.set(key, g);
  }
  let comparisons = [...groups.values()];
  if (!filters.pairIds) comparisons = comparisons.sort((x, y) => y.n - x.n).slice(0, maxComparisons);
  const pairs: [number, number][] = scope.kind === 'compare' ? [scope.articleIds] : comparisons.map((g) => g.ids);
  const kept = new Set(selected.map((c) => c.id));
  return { pairs, kept, omitted: candidates.length - selected.length };
}

function titleOf(scope: ReportScope, article: (id: number) => ArticleRow | undefined): string {
  if (scope.kind === 'article') return `Report: ${article(scope.articleId)?.title ?? ''}`;
  if (scope.kind === 'compare')
    return `Comparison report: ${article(scope.articleIds[0])?.title ?? ''} / ${article(scope.articleIds[1])?.title ?? ''}`;
  if (scope.kind === 'outlet') return `Outlet report: ${scope.outlet}`;
  return 'Corpus report';
}

/**
 * Gather a report: undefined when the scope names an article (or outlet)
 * that does not exist.
 */
export function gatherReport(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters = {},
  options: ReportOptions = {},
): Report | undefined {
  const article = cacheArticles(db);
  if (scope.kind === 'article' && !article(scope.articleId)) return undefined;
  if (scope.kind === 'compare' && (!article(scope.articleIds[0]) || !article(scope.articleIds[1]))) return undefined;
  let profile: OutletProfile | undefined;
  if (scope.kind === 'outlet') {
    profile = getOutletProfile(db, scope.outlet);
    if (!profile) return undefined;
  }
  const articles = scopeArticleIds(db, scope, filters)
    .map((id) => article(id))
    .filter((a): a is ArticleRow => a !== undefined);
  const annotations = selectReportAnnotations(db, scope, filters).map((r) => toReportAnnotation(r, article));
  const selection = selectComparisons(db, scope, filters);
  const comparisons = selection.pairs
    .map(([a, b]) => compareArticles(db, a, b))
    .filter((c): c is Comparison => c !== undefined)
    .map((c) => toReportComparison(db, c, (id) => selection.kept.has(id), annotations))
    // comparisons holding a possible misquote first
    .sort((x, y) =>
      compareMisquotesFirst(
        x.pairs.some((p) => p.alterations.length > 0),
        y.pairs.some((p) => p.alterations.length > 0),
      ),
    );
  const counts = new Map<string, CategoryTally>(
    EDITORIAL_CATEGORIES.map((c) => [c.id as string, { category: c.id, name: c.name, writer: 0, quoted: 0 }]),
  );
  const reportArticles = articles.map((a) => {
    const { density, spans } = measureStoredDensity(db, a);
    for (const s of spans) {
      const t = counts.get(s.category) ?? { category: s.category, name: s.category, writer: 0, quoted: 0 };
      t[s.voice === 'quoted' ? 'quoted' : 'writer'] += 1;
      counts.set(s.category, t);
    }
    return { ...toReportArticle(db, a), density };
  });
  const texts = options.texts ?? {};
  return {
    title: texts.title?.trim() || titleOf(scope, article),
    scope,
    filters,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    articles: reportArticles,
    comparisons,
    annotations,
    tagTallies: tallyTags(annotations),
    categoryTallies: [...counts.values()],
    ...(profile ? { profile } : {}),
    omittedPairs: selection.omitted,
    ...(texts.summary?.trim() ? { summary: texts.summary } : {}),
    ...(texts.conclusion?.trim() ? { conclusion: texts.conclusion } : {}),
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
  claimreview: 'application/ld+json; charset=utf-8',
  'pairs-csv': 'text/csv; charset=utf-8',
};

function fileStem(scope: ReportScope): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'outlet';
  if (scope.kind === 'article') return `retold-article-${scope.articleId}`;
  if (scope.kind === 'compare') return `retold-compare-${scope.articleIds[0]}-${scope.articleIds[1]}`;
  if (scope.kind === 'outlet') return `retold-outlet-${slug(scope.outlet)}`;
  return 'retold-corpus';
}

/** Render an export in one format; undefined when the scope names nothing that exists. */
export function exportReport(
  db: Db,
  format: ReportFormat,
  scope: ReportScope,
  filters: ReportFilters = {},
  options: ReportOptions = {},
): RenderedExport | undefined {
  const stem = fileStem(scope);
  const extension = format === 'jsonld' ? 'jsonld' : format;
  if (format === 'pairs-csv') {
    const body = exportPairsCsv(db, scope, filters);
    return body === undefined
      ? undefined
      : { body, contentType: contentTypes['pairs-csv'], filename: `${stem}-pairs.csv` };
  }
  if (format === 'claimreview') {
    const body = exportClaimReviews(db, scope, filters, options.claimReview ?? claimReviewPublisher(loadConfig({})));
    return body === undefined
      ? undefined
      : { body, contentType: contentTypes.claimreview, filename: `${stem}-claimreview.jsonld` };
  }
  if (format === 'csv' || format === 'jsonld') {
    // these two hold only annotations: no need to run comparisons
    const article = cacheArticles(db);
    if (scope.kind === 'article' && !article(scope.articleId)) return undefined;
    if (scope.kind === 'compare' && scope.articleIds.some((id) => !article(id))) return undefined;
    if (scope.kind === 'outlet' && listArticleIdsOfOutlet(db, scope.outlet).length === 0) return undefined;
    const annotations = selectReportAnnotations(db, scope, filters).map((r) => toReportAnnotation(r, article));
    const body =
      format === 'csv'
        ? renderAnnotationsCsv(annotations)
        : renderAnnotationCollection(annotations, {
            id: options.collectionId ?? `urn:uuid:${randomUUID()}`,
            label: titleOf(scope, article).replace(/^\w+ report/, 'Annotations'),
          });
    return { body, contentType: contentTypes[format], filename: `${stem}.${extension}` };
  }
  const report = gatherReport(db, scope, filters, options);
  if (!report) return undefined;
  return {
    body: format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report),
    contentType: contentTypes[format],
    filename: `${stem}.${extension}`,
  };
}
