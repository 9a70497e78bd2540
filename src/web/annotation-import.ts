/** Importing annotations: a Web Annotation export uploaded, pasted or posted as JSON. */
import type { Request } from 'express';
import { importAnnotations, type ImportReport } from '../corpus/annotation-import.js';
import type { Handler } from './request.js';

/** GET /annotations/import — the upload form. */
export const importForm: Handler = (_deps, _req, res) => {
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
export const importPage: Handler = ({ db }, req, res) => {
  const text = importText(req);
  if (text === undefined)
    return void res.status(400).render('reports/import', {
      title: 'Import annotations',
      report: null,
      error: 'Choose a JSON-LD file or paste one.',
    });
  const report = importAnnotations(db, text, { id: res.locals.user.id as number });
  res
    .status(importStatus(report))
    .render('reports/import', { title: 'Import annotations', report, error: report.error ?? null });
};

/** POST /api/annotations/import — a JSON-LD body; answers with the import report. */
export const apiImport: Handler = ({ db }, req, res) => {
  const text = importText(req);
  if (text === undefined)
    return void res.status(400).json({
      error:
        'import: send the JSON-LD export as the request body (Content-Type application/ld+json or application/json)',
    });
  const report = importAnnotations(db, text, { id: res.locals.user.id as number });
  res.status(importStatus(report)).json(report);
};
