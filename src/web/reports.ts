/** Report downloads: HTML, Markdown, CSV, JSON-LD and ClaimReview, through the same domain function as the CLI's export. */
import { exportReport } from '../corpus/reports.js';
import { exportQuery, toScope, toTexts } from '../reports/export-query.js';
import { sendError, sendInvalid, zodFieldErrors } from './errors.js';
import { claimReviewPublisher } from '../corpus/claimreview.js';
import type { Handler } from './request.js';
import { checkReportFilters } from '../corpus/report-filters.js';
import { checkChosenPairs } from '../corpus/report-pairs.js';

/** GET /export and /api/export: the report as a file download. */
export const download: Handler = ({ db, config }, req, res) => {
  const q = exportQuery.safeParse(req.query);
  if (!q.success) return sendInvalid(req, res, 'export', zodFieldErrors(q.error));
  const { scope, filters } = toScope(q.data);
  // a reviewer or tag that does not exist would give an empty report that looks like an answer
  const errors = checkReportFilters(db, filters);
  const chosen = checkChosenPairs(db, scope, filters);
  if (chosen) errors.pairs = chosen;
  if (Object.keys(errors).length) return sendInvalid(req, res, 'export', errors);
  const out = exportReport(db, q.data.format, scope, filters, {
    claimReview: claimReviewPublisher(config),
    texts: toTexts(q.data),
  });
  if (!out) return sendError(req, res, 404, 'export: no such article or outlet.');
  res.attachment(out.filename);
  res.type(out.contentType).send(out.body);
};
