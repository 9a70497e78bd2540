/**
 * The parts of a report as the renderers read them, made from store rows and
 * comparisons: articles, annotations, and compared pairs with their verdict,
 * the sentence around a quote that is not a full one, and the annotations on
 * their words.
 */
import type { Db } from '../db.js';
import type { ArticleRow } from '../store/articles.js';
import type { AnnotationRow } from '../store/annotations.js';
import { articleSource, targetSource } from '../reports/jsonld.js';
import type {
  ReportAnnotation,
  ReportArticle,
  ReportComparison,
  ReportSpan,
  ReportVerdict,
  ReportVersion,
} from '../reports/model.js';
import type { ComparedPair, Comparison, VersionView } from './comparison.js';
import { measureStoredDensity } from './outlets.js';
import { getPairVerdict } from './verdicts.js';
import { describeAlteration } from '../pairing/index.js';

/** An article as a report lists it. */
export function toReportArticle(db: Db, a: ArticleRow): ReportArticle {
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

/** An annotation as a report shows it. */
export function toReportAnnotation(
  row: AnnotationRow,
  article: (id: number) => ArticleRow | undefined,
): ReportAnnotation {
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

/** A version with, when it is not a full quote, the rest of its sentence: a partial quote read alone misleads. */
function toReportVersion(v: VersionView): ReportVersion {
  const q = v.quote;
  const before = v.context.slice(0, Math.max(0, v.quoteStart));
  const after = v.context.slice(Math.min(v.context.length, v.quoteEnd));
  return {
    articleId: q.articleId,
    quote: q.text,
    kind: q.kind,
    speaker: q.speaker ?? q.speakerName,
    context: q.kind !== 'full' && (before.trim() || after.trim()) ? { before, after } : null,
  };
}

const overlaps = (s: Pick<ReportSpan, 'articleId' | 'start' | 'end'>, v: VersionView) =>
  s.articleId === v.quote.articleId && s.start < v.quote.end && s.end > v.quote.start;

/** The annotations on either version's words, or notes on the pair (one of their spans on each version). */
function annotationsOfPair(p: ComparedPair, annotations: readonly ReportAnnotation[]): string[] {
  return annotations
    .filter((a) =>
      a.other
        ? (overlaps(a, p.earlier) && overlaps(a.other, p.later)) ||
          (overlaps(a, p.later) && overlaps(a.other, p.earlier))
        : overlaps(a, p.earlier) || overlaps(a, p.later),
    )
    .map((a) => a.uuid);
}

/** A comparison with only the pairs kept, each with its verdict, context and annotations. */
export function toReportComparison(
  db: Db,
  c: Comparison,
  keep: (pairId: number) => boolean,
  annotations: readonly ReportAnnotation[],
): ReportComparison {
  const kept = c.pairs.filter((p) => keep(p.pair.id));
  return {
    earlierId: c.earlier.id,
    laterId: c.later.id,
    pairs: kept.map((p) => ({
      id: p.pair.id,
      relation: p.pair.relation,
      score: p.pair.score,
      status: p.pair.status,
      earlier: toReportVersion(p.earlier),
      later: toReportVersion(p.later),
      parts: p.parts,
      changes: p.changes.map((ch) => ({ type: ch.type, message: ch.message })),
      fidelity: p.fidelity,
      alterations: p.alterations.map(describeAlteration),
      verdict: reportVerdict(db, p.pair.id),
      annotations: annotationsOfPair(p, annotations),
    })),
    omitted: c.pairs.length - kept.length,
  };
}
