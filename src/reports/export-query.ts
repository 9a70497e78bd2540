/**
 * reports: what an export asks for — a format, at most one scope and the
 * filters — read from a query string or from command-line options with the
 * same schema, so `--compare 3,3` and `compare=3,3` get the same answer.
 */
import { z } from 'zod';
import { blank } from '../form-fields.js';
import type { ReportFilters, ReportScope, ReportTexts } from './model.js';

/** The export formats. */
export const reportFormats = ['html', 'md', 'csv', 'jsonld', 'claimreview', 'pairs-csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const optional = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a date (use YYYY-MM-DD)` });
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const articlePair = z
  .string()
  .regex(/^\d+,\d+$/, 'two article ids as ID,ID')
  .refine((v) => v.split(',')[0] !== v.split(',')[1], {
    error: (issue) =>
      sameArticleError(Number(String(issue.input).split(',')[0]), Number(String(issue.input).split(',')[1])),
  });

/** Which pairs: `reviewed` (the default), `all` not rejected, or chosen ones as `ID,ID,…`. */
const pairChoice = z.union([
  z.enum(['reviewed', 'all']),
  z
    .string()
    .regex(/^\d+(,\d+)*$/, 'reviewed, all, or pair ids as ID,ID,…')
    .refine((v) => v.split(',').length <= 500, 'at most 500 pair ids'),
]);
/** A summary or conclusion the writer adds (note formatting). */
const writerText = z.string().max(20_000);

/** True for a YYYY-MM-DD date that exists (2024-02-29 yes, 2025-13-45 and 2025-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Why two article ids cannot be compared, when they name the same article:
 * one answer for the comparison page, its API, the export and the CLI.
 */
export function sameArticleError(a: number, b: number): string | undefined {
  return a === b ? `article ${a} compared with itself; choose two different articles` : undefined;
}

/** The fields that name a report's scope: an article, a comparison (ID,ID), an outlet, or none (the corpus). */
const scopeFields = {
  article: optional(id),
  compare: optional(articlePair),
  outlet: optional(z.string().trim().min(1).max(200)),
};
const oneScope = (q: { article?: number; compare?: string }) =>
  [q.article, q.compare].filter((v) => v !== undefined).length <= 1;

/** A report's scope alone (the report builder): at most one of article and compare, an outlet. */
export const scopeQuery = z.object(scopeFields).refine(oneScope, 'give article or compare, not both');

/** The query of an export: a format, at most one scope, and filters. */
export const exportQuery = z
  .object({
    format: z.enum(reportFormats),
    ...scopeFields,
    reviewer: optional(z.string().max(100)),
    tag: optional(z.string().max(60)),
    from: optional(day),
    to: optional(day),
    pairs: optional(pairChoice),
    title: optional(z.string().trim().max(300)),
    summary: optional(writerText),
    conclusion: optional(writerText),
  })
  .refine(oneScope, 'give article or compare, not both');

export type ExportQuery = z.infer<typeof exportQuery>;

/** The schema's complaints as one line: `field: message; …`. */
export function describeExportQueryError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}

/** The scope a parsed scope query names (an outlet with no article or pair is an outlet report). */
export function toReportScope(q: z.infer<typeof scopeQuery>): ReportScope {
  if (q.article !== undefined) return { kind: 'article', articleId: q.article };
  if (q.compare !== undefined) {
    const [a, b] = q.compare.split(',').map(Number) as [number, number];
    return { kind: 'compare', articleIds: [a, b] };
  }
  if (q.outlet !== undefined) return { kind: 'outlet', outlet: q.outlet };
  return { kind: 'corpus' };
}

/** The query parameters that name a scope (for links and forms). */
export function scopeParams(scope: ReportScope): Record<string, string> {
  if (scope.kind === 'article') return { article: String(scope.articleId) };
  if (scope.kind === 'compare') return { compare: scope.articleIds.join(',') };
  if (scope.kind === 'outlet') return { outlet: scope.outlet };
  return {};
}

/** Turn a parsed export query into a scope and filters. An outlet with no article or pair is an outlet report; else it filters. */
export function toScope(q: ExportQuery): { scope: ReportScope; filters: ReportFilters } {
  const chosen = q.pairs !== undefined && q.pairs !== 'reviewed' && q.pairs !== 'all';
  const filters: ReportFilters = {
    reviewer: q.reviewer,
    tag: q.tag,
    from: q.from,
    to: q.to,
    pairs: chosen ? undefined : (q.pairs as 'reviewed' | 'all' | undefined),
    ...(chosen ? { pairIds: [...new Set(q.pairs!.split(',').map(Number))] } : {}),
  };
  if (q.article !== undefined)
    return { scope: { kind: 'article', articleId: q.article }, filters: { ...filters, outlet: q.outlet } };
  if (q.compare !== undefined) {
    const [a, b] = q.compare.split(',').map(Number) as [number, number];
    return { scope: { kind: 'compare', articleIds: [a, b] }, filters: { ...filters, outlet: q.outlet } };
  }
  if (q.outlet !== undefined) return { scope: { kind: 'outlet', outlet: q.outlet }, filters };
  return { scope: { kind: 'corpus' }, filters };
}

/** The writer's title, summary and conclusion an export query carries. */
export function toTexts(q: ExportQuery): ReportTexts {
  return { title: q.title, summary: q.summary, conclusion: q.conclusion };
}
