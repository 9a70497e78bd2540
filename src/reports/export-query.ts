/**
 * reports: what an export asks for — a format, at most one scope and the
 * filters — read from a query string or from command-line options with the
 * same schema, so `--compare 3,3` and `compare=3,3` get the same answer.
 */
import { z } from 'zod';
import type { ReportFilters, ReportScope } from './model.js';

/** The export formats. */
export const reportFormats = ['html', 'md', 'csv', 'jsonld', 'claimreview', 'pairs-csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const blank = (v: unknown) => (v === '' ? undefined : v);
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

/** The query of an export: a format, at most one scope, and filters. */
export const exportQuery = z
  .object({
    format: z.enum(reportFormats),
    article: optional(id),
    compare: optional(articlePair),
    outlet: optional(z.string().trim().min(1).max(200)),
    reviewer: optional(z.string().max(100)),
    tag: optional(z.string().max(60)),
    from: optional(day),
    to: optional(day),
    pairs: optional(z.enum(['reviewed', 'all'])),
  })
  .refine(
    (q) => [q.article, q.compare].filter((v) => v !== undefined).length <= 1,
    'give article or compare, not both',
  );

export type ExportQuery = z.infer<typeof exportQuery>;

/** The schema's complaints as one line: `field: message; …`. */
export function describeExportQueryError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}

/** Turn a parsed export query into a scope and filters. An outlet with no article or pair is an outlet report; else it filters. */
export function toScope(q: ExportQuery): { scope: ReportScope; filters: ReportFilters } {
  const filters: ReportFilters = { reviewer: q.reviewer, tag: q.tag, from: q.from, to: q.to, pairs: q.pairs };
  if (q.article !== undefined)
    return { scope: { kind: 'article', articleId: q.article }, filters: { ...filters, outlet: q.outlet } };
  if (q.compare !== undefined) {
    const [a, b] = q.compare.split(',').map(Number) as [number, number];
    return { scope: { kind: 'compare', articleIds: [a, b] }, filters: { ...filters, outlet: q.outlet } };
  }
  if (q.outlet !== undefined) return { scope: { kind: 'outlet', outlet: q.outlet }, filters };
  return { scope: { kind: 'corpus' }, filters };
}
