/** `retold export`: a report of the corpus, an article, a comparison or an outlet, read with the export query schema the web uses. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { exportReport } from '../corpus/reports.js';
import { claimReviewPublisher } from '../corpus/claimreview.js';
import { checkReportFilters } from '../corpus/report-filters.js';
import { describeExportQueryError, exportQuery, reportFormats, toScope } from '../reports/export-query.js';
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
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`export: unexpected argument ${positionals[0]}`);
  const { output, ...query } = values;
  const q = exportQuery.safeParse(query);
  if (!q.success)
    throw new UsageError(`export: ${describeExportQueryError(q.error)} (--format ${reportFormats.join('|')})`);
  const { scope, filters } = toScope(q.data);
  const db = openDatabase(config.dbPath);
  try {
    // as on the web: an unknown reviewer or tag is refused, not answered with an empty report
    const errors = checkReportFilters(db, filters);
    if (Object.keys(errors).length)
      throw new UsageError(
        `export: ${Object.entries(errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')}`,
      );
    const out = exportReport(db, q.data.format, scope, filters, { claimReview: claimReviewPublisher(config) });
    if (!out) {
      process.stderr.write('export: no such article or outlet\n');
      return 1;
    }
    if (output) {
      writeFileSync(output, out.body);
      console.log(`wrote ${output}`);
    } else process.stdout.write(out.body);
    return 0;
  } finally {
    db.close();
  }
}
