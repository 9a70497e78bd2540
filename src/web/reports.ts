/**
 * Report downloads (HTML, Markdown, CSV, JSON-LD), the annotation import form
 * and API, and the outlet pages. The page and the API call the same domain
 * functions in src/corpus/reports.ts.
 */
import type { Request, RequestHandler } from 'express';
import { exportReport } from '../corpus/reports.js';
import { describeExportQueryError, exportQuery, toScope } from '../reports/export-query.js';
import { getOutletProfile, listOutletProfiles } from '../corpus/outlets.js';
import { importAnnotations, type ImportReport } from '../corpus/annotation-import.js';
import { renderBarChart } from '../reports/charts.js';
import { renderDensityChart } from '../reports/density-chart.js';
import { sendError } from './errors.js';
import { claimReviewPublisher } from '../corpus/claimreview.js';
import type { Config } from '../config.js';
import { dbOf } from './request.js';

/** GET /export and /api/export: the report as a file download. */
export const download: RequestHandler = (req, res) => {
  const q = exportQuery.safeParse(req.query);
  if (!q.success) return sendError(req, res, 400, `export: ${describeExportQueryError(q.error)}`);
  const { scope, filters } = toScope(q.data);
  const out = exportReport(dbOf(res), q.data.format, scope, filters, { claimReview: claimReviewPublisher(res.app.locals.config as Config) });
  if (!out) return sendError(req, res, 404, 'export: no such article or outlet.');
  res.attachment(out.filename);
  res.type(out.contentType).send(out.body);
};

/** GET /annotations/import — the upload form. */
export const importForm: RequestHandler = (_req, res) => {
  res.render('reports/import', { title: 'Import annotations', report: null, error: null });
};

function importText(req: Request): string | undefined {
  const files = (req.files as { buffer: Buffer }[] | undefined) ?? [];
  if (files.length) return files[0].buffer.toString('utf8');
  if (Buffer.isBuffer(req.body)) return req.body.toString('utf8');
  const pasted = (req.body as { text?: unknown } | undefined)?.text;
  return typeof pasted === 'string' && pasted.trim() ? pasted : undefined;
}

function importStatus(r: ImportReport): number {
  return r.ok ? 200 : 400;
}

/** POST /annotations/import — from the form (file or pasted text); shows what was imported and what was not. */
export const importPage: RequestHandler = (req, res) => {
  const text = importText(req);
  if (text === undefined) return void res.status(400).render('reports/import', { title: 'Import annotations', report: null, error: 'Choose a JSON-LD file or paste one.' });
  const report = importAnnotations(dbOf(res), text, { id: res.locals.user.id as number });
  res.status(importStatus(report)).render('reports/import', { title: 'Import annotations', report, error: report.error ?? null });
};

/** POST /api/annotations/import — a JSON-LD body; answers with the import report. */
export const apiImport: RequestHandler = (req, res) => {
  const text = importText(req);
  if (text === undefined) return void res.status(400).json({ error: 'import: send the JSON-LD export as the request body (Content-Type application/ld+json or application/json)' });
  const report = importAnnotations(dbOf(res), text, { id: res.locals.user.id as number });
  res.status(importStatus(report)).json(report);
};

/** GET /outlets — every outlet with its figures and a fidelity chart. */
export const outletsPage: RequestHandler = (_req, res) => {
  const profiles = listOutletProfiles(dbOf(res));
  const chart = renderBarChart(
    profiles.filter((p) => p.meanFidelity !== null).map((p) => ({ label: p.outlet, value: p.meanFidelity!, text: `${Math.round(p.meanFidelity! * 100)}% of ${p.retold}` })),
    { title: 'Mean fidelity of statements first reported elsewhere', max: 1, idPrefix: 'fidelity' },
  );
  res.render('outlets/list', { title: 'Outlets', profiles, chart });
};

/** GET /api/outlets */
export const apiOutlets: RequestHandler = (_req, res) => {
  res.json({ outlets: listOutletProfiles(dbOf(res)) });
};

/** GET /outlets/:name — one outlet's profile with charts and downloads. */
export const outletPage: RequestHandler = (req, res) => {
  const profile = getOutletProfile(dbOf(res), String(req.params.name));
  if (!profile) return sendError(req, res, 404, `No article names the outlet ${String(req.params.name)}.`);
  const density = renderDensityChart(profile.density, { idPrefix: 'outlet-density', title: `Editorial language per 1,000 words: ${profile.outlet}` });
  const tags = renderBarChart(
    profile.topTags.map((t) => ({ label: t.label, value: t.count, text: String(t.count) })),
    { title: `Most frequent reviewer tags on ${profile.outlet}`, idPrefix: 'outlet-tags' },
  );
  const quoted = renderBarChart(
    [
      { label: 'Mean fidelity', value: profile.meanFidelity ?? 0, text: profile.meanFidelity === null ? 'none retold' : `${Math.round(profile.meanFidelity * 100)}%` },
      { label: 'Rewordings in quote marks', value: profile.looseQuotedShare ?? 0, text: profile.looseQuotedShare === null ? 'none' : `${Math.round(profile.looseQuotedShare * 100)}% (${profile.looseInQuoteMarks} of ${profile.looseVersions})` },
    ],
    { title: `How ${profile.outlet} retells statements first reported elsewhere`, max: 1, idPrefix: 'outlet-fidelity' },
  );
  res.render('outlets/show', { title: `Outlet: ${profile.outlet}`, profile, charts: { density, tags, quoted } });
};

/** GET /api/outlets/:name */
export const apiOutlet: RequestHandler = (req, res) => {
  const profile = getOutletProfile(dbOf(res), String(req.params.name));
  if (!profile) return void res.status(404).json({ error: `No article names the outlet ${String(req.params.name)}.` });
  res.json(profile);
};
