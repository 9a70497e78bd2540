/** reports: the words every format uses for scopes, filters, numbers and spans. */
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import type { Report, ReportArticle, ReportFilters } from './model.js';

/** A share 0..1 as a whole percentage, or a dash when unknown. */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** A number with one decimal. */
export function formatOne(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** The display name of an editorial category. */
export function categoryName(id: string): string {
  return EDITORIAL_CATEGORIES.find((c) => c.id === id)?.name ?? id;
}

/** A one-line name of an article for lists: its title and outlet. */
export function nameArticle(a: Pick<ReportArticle, 'title' | 'outlet'>): string {
  return a.outlet ? `${a.title} (${a.outlet})` : a.title;
}

/** What the report covers, in words. */
export function describeScope(report: Report): string {
  const s = report.scope;
  const title = (id: number) => report.articles.find((a) => a.id === id)?.title ?? `article ${id}`;
  if (s.kind === 'article') return `Article: ${title(s.articleId)}`;
  if (s.kind === 'compare') return `Comparison: ${title(s.articleIds[0])} / ${title(s.articleIds[1])}`;
  if (s.kind === 'outlet') return `Outlet: ${s.outlet}`;
  return 'The whole corpus';
}

/** The filters in words, or an empty list. */
export function describeFilters(f: ReportFilters): string[] {
  const out: string[] = [];
  if (f.reviewer) out.push(`reviewer ${f.reviewer}`);
  if (f.tag) out.push(`tag ${f.tag}`);
  if (f.outlet) out.push(`outlet ${f.outlet}`);
  if (f.from) out.push(`created from ${f.from}`);
  if (f.to) out.push(`created to ${f.to}`);
  return out;
}
