/** `retold import FILE|DIR|URL...`: import articles into the database. */
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { importFile, importUrl, type SourceOutcome } from '../corpus/sources.js';
import { IngestError } from '../ingest/index.js';
import { expandInputs, progress, readInput } from './inputs.js';
import { UsageError } from './usage-error.js';

/** Run the import command; resolves to the exit code. */
export async function runImport(config: Config, args: string[]): Promise<number> {
  if (args.length === 0) throw new UsageError('import: give at least one FILE, DIR or URL');
  const inputs = expandInputs(args);
  const db = openDatabase(config.dbPath);
  const outcomes: SourceOutcome[] = [];
  try {
    for (const [i, input] of inputs.entries()) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) outcomes.push(...(await importUrl(db, config, input)));
      else {
        try {
          const file = readInput(input, config.maxUploadBytes);
          outcomes.push(...importFile(db, { ...file, name: input }));
        } catch (err) {
          if (!(err instanceof IngestError)) throw err;
          outcomes.push({ source: input, status: 'failed', error: err.message, httpStatus: err.status });
        }
      }
      progress(i + 1, inputs.length);
    }
  } finally {
    db.close();
  }
  let imported = 0;
  let duplicates = 0;
  let failed = 0;
  for (const o of outcomes) {
    if (o.status === 'imported') imported += 1;
    else if (o.status === 'duplicate') {
      duplicates += 1;
      process.stderr.write(`${o.source}: duplicate of article ${o.existing.id} "${o.existing.title}"\n`);
    } else {
      failed += 1;
      process.stderr.write(`${o.source}: failed: ${o.error}\n`);
    }
  }
  console.log(`imported ${imported}, duplicates ${duplicates}, failed ${failed}`);
  return failed > 0 ? 1 : 0;
}
