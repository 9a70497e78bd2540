/**
 * The report builder: a user picks a scope (an article, a comparison, an
 * outlet or the corpus), which pairs go in (the reviewed ones — the default —,
 * every pair not rejected, or the ones they tick), and writes a title, a
 * summary and a conclusion. The definition is stored, so the report is made
 * again, from the corpus as it is then, whenever it is downloaded — from the
 * pages, the API or `retold export --report ID`.
 */
import { z } from 'zod';
import type { Db } from '../db.js';
import { getArticle } from '../store/articles.js';
import { listArticleIdsOfOutlet } from '../store/reports.js';
import {
  getSavedReport,
  insertSavedReport,
  listSavedReports,
  updateSavedReport,
  type PairSelectionMode,
  type SavedReportRow,
} from '../store/saved-reports.js';
import { scopeQuery, toReportScope } from '../reports/export-query.js';
import type { ReportScope } from '../reports/model.js';
import { exportReport, type RenderedExport, type ReportOptions } from './reports.js';
import {
  listCandidatePairs,
  resolvePairWords,
  selectPairs,
  wordsOf,
  type CandidatePair,
  type PairWords,
} from './report-pairs.js';

/** A saved report as pages, the API and the CLI show it. */
export interface SavedReport {
  id: number;
  title: string;
  scope: ReportScope;
  selection: PairSelectionMode;
  /** the chosen pairs' words (selection 'chosen') */
  pairs: PairWords[];
  summary: string;
  conclusion: string;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const pairIdList = z.array(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(500);

/**
 * What a user sends to save a report: the scope fields of an export
 * (`article`, `compare`, `outlet`), `pairs` ('reviewed', 'all', a list of
 * pair ids or `ID,ID,…`), and the texts. The web form's ticked `pair` boxes
 * are a list of ids.
 */
export const reportDefinition = z.object({
  title: z.string().trim().max(300).optional().default(''),
  pairs: z
    .union([
      z.enum(['reviewed', 'all']),
      pairIdList,
      z
        .string()
        .regex(/^\d+(,\d+)*$/, 'reviewed, all, or pair ids')
        .transform((v) => v.split(',').map(Number)),
    ])
    .optional()
    .default('reviewed'),
  summary: z.string().max(20_000).optional().default(''),
  conclusion: z.string().max(20_000).optional().default(''),
});
export type ReportDefinitionInput = z.input<typeof reportDefinition>;

/** The outcome of saving: the report, or the errors by field (status 400, or 404 for a scope naming nothing). */
export type SaveResult =
  { ok: true; report: SavedReport } | { ok: false; status: 400 | 404; errors: Record<string, string> };

function toView(r: SavedReportRow): SavedReport {
  return {
    id: r.id,
    title: r.title,
    scope: JSON.parse(r.scope) as ReportScope,
    selection: r.selection,
    pairs: JSON.parse(r.pairs) as PairWords[],
    summary: r.summary,
    conclusion: r.conclusion,
    createdBy: r.createdByName,
    updatedBy: r.updatedByName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Whether a scope names things that exist. */
export function scopeExists(db: Db, scope: ReportScope): boolean {
  if (scope.kind === 'article') return getArticle(db, scope.articleId) !== undefined;
  if (scope.kind === 'compare') return scope.articleIds.every((id) => getArticle(db, id) !== undefined);
  if (scope.kind === 'outlet') return listArticleIdsOfOutlet(db, scope.outlet).length > 0;
  return true;
}

/** Read a scope from export-style fields; undefined with the reason when they are wrong. */
export function readScope(input: unknown): { scope: ReportScope } | { error: string } {
  const q = scopeQuery.safeParse(input ?? {});
  if (!q.success)
    return { error: q.error.issues.map((i) => `${i.path.join('.') || 'scope'}: ${i.message}`).join('; ') };
  return { scope: toReportScope(q.data) };
}

/** Save a new report (id undefined) or change one, as user userId. */
export function saveReport(db: Db, input: unknown, userId: number | null, id?: number): SaveResult {
  const existing = id === undefined ? undefined : getSavedReport(db, id);
  if (id !== undefined && !existing) return { ok: false, status: 404, errors: { _: `no report ${id}` } };
  const def = reportDefinition.safeParse(input ?? {});
  const scoped = existing ? { scope: JSON.parse(existing.scope) as ReportScope } : readScope(input);
  const errors: Record<string, string> = {};
  if (!def.success) for (const i of def.error.issues) errors[String(i.path[0] ?? '_')] ??= i.message;
  if ('error' in scoped) errors.scope = scoped.error;
  if (!def.success || 'error' in scoped) return { ok: false, status: 400, errors };
  const { scope } = scoped;
  if (!scopeExists(db, scope)) return { ok: false, status: 404, errors: { scope: 'no such article or outlet' } };
  const d = def.data;
  let chosen: PairWords[] = [];
  if (Array.isArray(d.pairs)) {
    const sel = selectPairs(listCandidatePairs(db, scope), { pairIds: d.pairs });
    if (!sel.ok) return { ok: false, status: 400, errors: { pairs: sel.error } };
    chosen = sel.selected.map(wordsOf);
  }
  const fields = {
    title: d.title,
    scope: JSON.stringify(scope),
    selection: Array.isArray(d.pairs) ? ('chosen' as const) : d.pairs,
    pairs: JSON.stringify(chosen),
    summary: d.summary,
    conclusion: d.conclusion,
  };
  const saved = db.transaction(() => {
    if (id === undefined) return insertSavedReport(db, fields, userId);
    updateSavedReport(db, id, fields, userId);
    return id;
  })();
  return { ok: true, report: toView(getSavedReport(db, saved)!) };
}

/** One saved report. */
export function getReport(db: Db, id: number): SavedReport | undefined {
  const r = getSavedReport(db, id);
  return r && toView(r);
}

/** Every saved report, most recently changed first. */
export function listReports(db: Db): SavedReport[] {
  return listSavedReports(db).map(toView);
}

/** The pairs a report offers and which of them it holds now; `missing` counts chosen pairs no longer paired. */
export function reportPairs(
  db: Db,
  scope: ReportScope,
  selection: PairSelectionMode,
  chosen: PairWords[] = [],
): { candidates: CandidatePair[]; selectedIds: Set<number>; missing: number } {
  const candidates = listCandidatePairs(db, scope);
  if (selection === 'chosen') {
    const { pairIds, missing } = resolvePairWords(candidates, chosen);
    return { candidates, selectedIds: new Set(pairIds), missing };
  }
  const sel = selectPairs(candidates, { pairs: selection });
  return { candidates, selectedIds: new Set(sel.ok ? sel.selected.map((c) => c.id) : []), missing: 0 };
}

/** The formats a saved report is downloaded in. */
export const savedReportFormats = ['html', 'md', 'pairs-csv'] as const;
export type SavedReportFormat = (typeof savedReportFormats)[number];

/** Make a saved report again from the corpus as it is now; undefined when there is no such report or its scope is gone. */
export function exportSavedReport(
  db: Db,
  id: number,
  format: SavedReportFormat,
  options: ReportOptions = {},
): RenderedExport | undefined {
  const report = getReport(db, id);
  if (!report || !scopeExists(db, report.scope)) return undefined;
  const { selectedIds } = reportPairs(db, report.scope, report.selection, report.pairs);
  const filters = report.selection === 'chosen' ? { pairIds: [...selectedIds] } : { pairs: report.selection };
  const out = exportReport(db, format, report.scope, filters, {
    ...options,
    texts: { title: report.title, summary: report.summary, conclusion: report.conclusion },
  });
  return out && { ...out, filename: out.filename.replace(/^retold-[^.]*?(-pairs)?\./, `retold-report-${id}$1.`) };
}
