/**
 * The report builder from the pages and the API: choose the pairs of a scope,
 * write a summary and a conclusion, save, and download the report made again
 * from the corpus as it is (src/corpus/saved-reports.ts).
 */
import type { Request, Response } from 'express';
import type { Db } from '../db.js';
import { z } from 'zod';
import {
  exportSavedReport,
  getReport,
  listReports,
  readScope,
  reportPairs,
  saveReport,
  savedReportFormats,
  scopeExists,
  type SavedReport,
} from '../corpus/saved-reports.js';
import type { ReportScope } from '../reports/model.js';
import { scopeParams } from '../reports/export-query.js';
import { renderNote } from '../reports/note.js';
import { parseId } from './params.js';
import { sendError, sendInvalid } from './errors.js';
import { isApiRequest, type Handler } from './request.js';

const userId = (res: Response) => (res.locals.user as { id: number } | null | undefined)?.id ?? null;
const newQuery = z.object({ pairs: z.enum(['reviewed', 'all']).catch('reviewed') });
const exportFormat = z.object({ format: z.enum(savedReportFormats) });

/** The form's ticked `pair` boxes as the definition's list of pair ids (none ticked: an empty list). */
function formInput(body: Record<string, unknown>): Record<string, unknown> {
  const ticked = body.pair === undefined ? [] : ([] as unknown[]).concat(body.pair);
  return { ...body, pairs: ticked };
}

/** What the builder view needs for a scope: the candidates with the ticked ones. */
function builderView(
  db: Db,
  scope: ReportScope,
  values: { title?: string; summary?: string; conclusion?: string },
  ticked: Set<number>,
  extra: { report?: SavedReport; missing?: number; errors?: Record<string, string> } = {},
) {
  const { candidates } = reportPairs(db, scope, 'all');
  return {
    title: extra.report ? `Report: ${extra.report.title || 'untitled'}` : 'Build a report',
    // not `scope`: EJS reads that name as one of its own options
    reportScope: scope,
    scopeParams: scopeParams(scope),
    candidates,
    ticked,
    values,
    errors: extra.errors ?? {},
    report: extra.report ?? null,
    missing: extra.missing ?? 0,
    renderNote,
  };
}

/** GET /reports: the saved reports. */
export const listPage: Handler = ({ db }, _req, res) => {
  res.render('reports/list', { title: 'Reports', reports: listReports(db) });
};

/** GET /reports/new?article=ID|compare=ID,ID|outlet=NAME[&pairs=all]: the builder, reviewed pairs ticked (or all). */
export const newPage: Handler = ({ db }, req, res) => {
  const scoped = readScope(req.query);
  if ('error' in scoped) return sendError(req, res, 400, `report: ${scoped.error}`);
  if (!scopeExists(db, scoped.scope)) return sendError(req, res, 404, 'report: no such article or outlet');
  const { pairs } = newQuery.parse(req.query);
  const { selectedIds } = reportPairs(db, scoped.scope, pairs);
  res.render('reports/builder', builderView(db, scoped.scope, {}, selectedIds));
};

/** A refused save: the builder again with the user's input and the errors (400), or the API's errors. */
function refuse(
  db: Db,
  req: Request,
  res: Response,
  status: 400 | 404,
  errors: Record<string, string>,
  report?: SavedReport,
) {
  if (isApiRequest(req) || status === 404) {
    if (status === 400) return sendInvalid(req, res, 'report', errors);
    return sendError(req, res, 404, `report: ${Object.values(errors).join('; ')}`);
  }
  const body = (req.body ?? {}) as Record<string, string>;
  const scoped = report ? { scope: report.scope } : readScope(body);
  if ('error' in scoped) return sendError(req, res, 400, `report: ${scoped.error}`);
  const ticked = new Set(([] as unknown[]).concat(body.pair ?? []).map(Number));
  res.status(400).render('reports/builder', builderView(db, scoped.scope, body, ticked, { report, errors }));
}

/** POST /reports and /api/reports: save a new report. */
export const create: Handler = ({ db }, req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const r = saveReport(db, isApiRequest(req) ? body : formInput(body), userId(res));
  if (!r.ok) return refuse(db, req, res, r.status, r.errors);
  if (isApiRequest(req)) return void res.status(201).json({ report: r.report });
  res.redirect(303, `/reports/${r.report.id}`);
};

/** POST /reports/:id and PATCH /api/reports/:id: change a report (its scope stays). */
export const update: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const existing = id === undefined ? undefined : getReport(db, id);
  if (!existing || id === undefined) return sendError(req, res, 404, `No report ${String(req.params.id)}`);
  const body = (req.body ?? {}) as Record<string, unknown>;
  // the API may change one field: the others stay as they were
  const kept = () =>
    existing.selection === 'chosen'
      ? [...reportPairs(db, existing.scope, 'chosen', existing.pairs).selectedIds]
      : existing.selection;
  const input = isApiRequest(req)
    ? { title: existing.title, summary: existing.summary, conclusion: existing.conclusion, pairs: kept(), ...body }
    : formInput(body);
  const r = saveReport(db, input, userId(res), id);
  if (!r.ok) return refuse(db, req, res, r.status, r.errors, existing);
  if (isApiRequest(req)) return void res.json({ report: r.report });
  res.redirect(303, `/reports/${id}`);
};

/** GET /reports/:id: the report's definition, the pairs it holds now, downloads, and the form to change it. */
export const showPage: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const report = id === undefined ? undefined : getReport(db, id);
  if (!report) return sendError(req, res, 404, `No report ${String(req.params.id)}`);
  if (!scopeExists(db, report.scope)) return sendError(req, res, 404, 'report: its article or outlet is gone');
  const { selectedIds, missing } = reportPairs(db, report.scope, report.selection, report.pairs);
  res.render('reports/builder', builderView(db, report.scope, report, selectedIds, { report, missing }));
};

/** GET /api/reports */
export const apiList: Handler = ({ db }, _req, res) => {
  res.json({ reports: listReports(db) });
};

/** GET /api/reports/:id: the definition and the ids of the pairs it holds now. */
export const apiShow: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const report = id === undefined ? undefined : getReport(db, id);
  if (!report) return void res.status(404).json({ error: `No report ${String(req.params.id)}` });
  const { selectedIds, missing } = reportPairs(db, report.scope, report.selection, report.pairs);
  res.json({ report, pairIds: [...selectedIds], missing });
};

/** GET /api/reports/candidates?article=|compare=|outlet=: the pairs a report of this scope can hold. */
export const apiCandidates: Handler = ({ db }, req, res) => {
  const scoped = readScope(req.query);
  if ('error' in scoped) return sendInvalid(req, res, 'report', { scope: scoped.error });
  if (!scopeExists(db, scoped.scope)) return void res.status(404).json({ error: 'no such article or outlet' });
  res.json({ pairs: reportPairs(db, scoped.scope, 'all').candidates });
};

/** GET /reports/:id/export?format=html|md|pairs-csv (and the API): the report made again as a download. */
export const download: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const q = exportFormat.safeParse(req.query);
  if (!q.success) return sendInvalid(req, res, 'report', { format: 'html, md or pairs-csv' });
  const out = id === undefined ? undefined : exportSavedReport(db, id, q.data.format);
  if (!out) return sendError(req, res, 404, `No report ${String(req.params.id)}`);
  res.attachment(out.filename);
  res.type(out.contentType).send(out.body);
};
