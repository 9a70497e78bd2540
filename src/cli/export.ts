/** `retold export`: a report of the corpus, an article, a comparison or an outlet, read with the export query schema the web uses. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { exportReport } from '../corpus/reports.js';
import { claimReviewPublisher } from '../corpus/claimreview.js';
import { checkReportFilters } from '../corpus/report-filters.js';
import { describeExportQueryError, exportQuery, reportFormats, toScope, toTexts } from '../reports/export-query.js';
import { checkChosenPairs } from '../corpus/report-pairs.js';
import { exportSavedReport, savedReportFormats, type SavedReportFormat } from '../corpus/saved-reports.js';
import type { Db } from '../db.js';
import type { RenderedExport } from '../corpus/reports.js';
import { UsageError } from './usage-error.js';

/** Run the export command; returns the exit code. */
export function runExport(config: Config, args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      article: { type: 'string' },
      compare: { type: 'string' },
      outlet: { type: 'string' },
      reviewer: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      pairs: { type: 'string' },
      title: { type: 'string' },
      summary: { type: 'string' },
      conclusion: { type: 'string' },
      report: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`export: unexpected argument ${positionals[0]}`);
  const { output, report, ...query } = values;
  if (report !== undefined) return exportSaved(config, report, query, output);
  const q = exportQuery.safeParse(query);
  if (!q.success)
    throw new UsageError(`export: ${describeExportQueryError(q.error)} (--format ${reportFormats.join('|')})`);
  const { scope, filters } = toScope(q.data);
  const db = openDatabase(config.dbPath);
  try {
    // as on the web: an unknown reviewer or tag is refused, not answered with an empty report
    const errors = checkReportFilters(db, filters);
    const chosen = checkChosenPairs(db, scope, filters);
    if (chosen) errors.pairs = chosen;
    if (Object.keys(errors).length)
      throw new UsageError(
        `export: ${Object.entries(errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')}`,
      );
    const out = exportReport(db, q.data.format, scope, filters, {
      claimReview: claimReviewPublisher(config),
      texts: toTexts(q.data),
    });
    if (!out) {
      process.stderr.write('export: no such article or outlet\n');
      return 1;
    }
    return write(out, output);
  } finally {
    db.close();
  }
}

function write(out: RenderedExport, output: string | undefined): number {
  if (output) {
    writeFileSync(output, out.body);
    console.log(`wrote ${output}`);
  } else process.stdout.write(out.body);
  return 0;
}

/** `retold export --report ID --format html|md|pairs-csv`: a saved report made again; it takes no other option. */
function exportSaved(
  config: Config,
  report: string,
  query: Record<string, string | undefined>,
  output?: string,
): number {
  const id = Number(report);
  if (!/^\d+$/.test(report) || id < 1) throw new UsageError(`export: --report takes a report id, not ${report}`);
  const others = Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'format');
  if (others.length) throw new UsageError(`export: --report takes only --format and -o, not --${others[0][0]}`);
  const format = query.format as SavedReportFormat;
  if (!savedReportFormats.includes(format))
    throw new UsageError(`export: a saved report is made as --format ${savedReportFormats.join('|')}`);
  const db: Db = openDatabase(config.dbPath);
  try {
    const out = exportSavedReport(db, id, format);
    if (!out) {
      process.stderr.write(`export: no report ${id} (or its article or outlet is gone)\n`);
      return 1;
    }
    return write(out, output);
  } finally {
    db.close();
  }
}
