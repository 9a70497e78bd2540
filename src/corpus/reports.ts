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
import { listRelatedArticles, listTopArticlePairs } from '../store/pairs.js';
import { listArticleIdsOfOutlet } from '../store/reports.js';
import { articleSource, renderAnnotationCollection, targetSource } from '../reports/jsonld.js';
import { renderAnnotationsCsv } from '../reports/csv.js';
import { renderReportHtml } from '../reports/html.js';
import { renderReportMarkdown } from '../reports/markdown.js';
import { tallyTags } from '../reports/tally.js';
import type {
  CategoryTally,
  OutletProfile,
  Report,
  ReportAnnotation,
  ReportArticle,
  ReportComparison,
  ReportFilters,
  ReportScope,
  ReportVerdict,
} from '../reports/model.js';
import type { ReportFormat } from '../reports/export-query.js';
import { compareArticles, type Comparison } from './comparison.js';
import { cacheArticles } from './article-cache.js';
import { getOutletProfile, measureStoredDensity } from './outlets.js';
import { claimReviewPublisher, exportClaimReviews } from './claimreview.js';
import { exportPairsCsv } from './pairs-csv.js';
import { compareMisquotesFirst, describeAlteration } from '../pairing/index.js';
import { getPairVerdict } from './verdicts.js';
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
}

/** At most this many comparisons go into one report (each runs the NLP on two texts). */
const maxComparisons = 12;

function toReportArticle(db: Db, a: ArticleRow): ReportArticle {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    published: a.published,
    url: a.url,
    wordCount: a.wordCount,
    source: articleSource(a.textHash),
    density: measureStoredDensity(db, a).density,
  };
}

function toReportAnnotation(row: AnnotationRow, article: (id: number) => ArticleRow | undefined): ReportAnnotation {
  const main = article(row.articleId)!;
  const other = row.other ? article(row.other.articleId) : undefined;
  return {
    uuid: row.uuid,
    articleId: row.articleId,
    articleTitle: main.title,
    articleSource: targetSource(main.url, main.textHash),
    articleText: articleSource(main.textHash),
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
        ? {
            articleId: other.id,
            articleTitle: other.title,
            articleSource: targetSource(other.url, other.textHash),
            articleText: articleSource(other.textHash),
            start: row.other.start,
            end: row.other.end,
            exact: row.other.exact,
            prefix: row.other.prefix,
            suffix: row.other.suffix,
          }
        : null,
    creatorName: row.creatorName,
    status: row.status,
    createdAt: row.createdAt,
    modifiedAt: row.modifiedAt,
  };
}

function toReportComparison(db: Db, c: Comparison): ReportComparison {
  return {
    earlierId: c.earlier.id,
    laterId: c.later.id,
    pairs: c.pairs.map((p) => ({
      relation: p.pair.relation,
      score: p.pair.score,
      status: p.pair.status,
      earlier: {
        articleId: p.earlier.quote.articleId,
        quote: p.earlier.quote.text,
        kind: p.earlier.quote.kind,
        speaker: p.earlier.quote.speaker ?? p.earlier.quote.speakerName,
      },
      later: {
        articleId: p.later.quote.articleId,
        quote: p.later.quote.text,
        kind: p.later.quote.kind,
        speaker: p.later.quote.speaker ?? p.later.quote.speakerName,
      },
      parts: p.parts,
      changes: p.changes.map((ch) => ({ type: ch.type, message: ch.message })),
      fidelity: p.fidelity,
      alterations: p.alterations.map(describeAlteration),
      verdict: reportVerdict(db, p.pair.id),
    })),
  };
}

/** A pair's verdict for a report, or null when none was given. */
function reportVerdict(db: Db, pairId: number): ReportVerdict | null {
  const v = getPairVerdict(db, pairId)?.verdict;
  if (!v || v.state === 'open') return null;
  return {
    label: v.ratingLabel!,
    value: v.ratingValue!,
    rationale: v.rationale ?? '',
    reviewer: v.reviewerName,
    givenAt: v.givenAt,
    state: v.state,
    secondReviewer: v.secondReviewerName,
  };
}

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

function scopeArticleIds(
  db: Db,
  scope: ReportScope,
  filters: ReportFilters,
): { articles: number[]; comparisons: [number, number][] } {
  if (scope.kind === 'article') {
    const related = listRelatedArticles(db, scope.articleId).slice(0, maxComparisons);
    return {
      articles: [scope.articleId, ...related.map((r) => r.articleId)],
      comparisons: related.map((r) => [scope.articleId, r.articleId]),
    };
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
  const ids = scopeArticleIds(db, scope, filters);
  const articles = ids.articles.map((id) => article(id)).filter((a): a is ArticleRow => a !== undefined);
  const annotations = selectReportAnnotations(db, scope, filters).map((r) => toReportAnnotation(r, article));
  const comparisons = ids.comparisons
    .map(([a, b]) => compareArticles(db, a, b))
    .filter((c): c is Comparison => c !== undefined)
    .map((c) => toReportComparison(db, c))
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
