/** `retold import FILE|DIR|URL...`: import articles into the database. */
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { finishBatch, importUrl, startFile, type PendingBatch, type SourceOutcome } from '../corpus/sources.js';
import { createWorkerPool, defaultImportWorkers } from '../workers/pool.js';
import { IngestError } from '../ingest/index.js';
import { expandInputs, readInput, startProgress, type InputItem } from './inputs.js';
import { UsageError } from './usage-error.js';

/** Run the import command; resolves to the exit code. */
export async function runImport(config: Config, argv: string[]): Promise<number> {
  // --primary-source marks every article imported as a primary source (an interview, a transcript)
  const primarySource = argv.includes('--primary-source');
  const args = argv.filter((a) => a !== '--primary-source');
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`import: unknown option ${unknown} (only --primary-source)`);
  if (args.length === 0) throw new UsageError('import: give at least one FILE, DIR or URL');
  const inputs = expandInputs(args);
  const db = openDatabase(config.dbPath);
  // the analysis runs on every core; this thread reads files and stores results in order
  const runner = createWorkerPool(config.workers || defaultImportWorkers());
  // every worker reads its language model while the first files are read, rather than one after another
  void runner.start();
  const options = { runner, db, maxBytes: config.maxUploadBytes, marks: { primarySource, userId: null } };
  const outcomes: SourceOutcome[] = [];
  // files being parsed and analysed ahead of the one being stored, bounded so a large folder is not read at once
  const ahead = runner.size * 2;
  const started: Promise<PendingBatch | SourceOutcome[]>[] = [];
  const start = ({ path, metadata, error }: InputItem): Promise<PendingBatch | SourceOutcome[]> => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return importUrl(db, options, config, path);
    try {
      if (error) throw error;
      const file = readInput(path, config.maxUploadBytes);
      return startFile(options, { ...file, name: path }, metadata);
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      return Promise.resolve([{ source: path, status: 'failed', error: err.message, httpStatus: err.status }]);
    }
  };
  const bar = startProgress(inputs.length);
  try {
    for (let i = 0; i < Math.min(ahead, inputs.length); i += 1) started.push(start(inputs[i]));
    for (let i = 0; i < inputs.length; i += 1) {
      const next = await started[i];
      if (i + ahead < inputs.length) started.push(start(inputs[i + ahead]));
      outcomes.push(...(Array.isArray(next) ? next : await finishBatch(db, next)));
      bar.tick(i + 1);
    }
  } finally {
    bar.stop();
    await runner.close();
    db.close();
  }
  let imported = 0;
  let versions = 0;
  let duplicates = 0;
  let failed = 0;
  for (const o of outcomes) {
    if (o.status === 'imported') {
      imported += 1;
      if (o.similarTo)
        process.stderr.write(
          `${o.source}: imported as article ${o.article.id}; nearly identical to article ${o.similarTo.id} "${o.similarTo.title}" (${Math.round(o.similarTo.share * 100)} % shared): new version of it? Answer on /articles/${o.article.id}\n`,
        );
    } else if (o.status === 'version') {
      versions += 1;
      process.stderr.write(
        `${o.source}: new version ${o.version} of article ${o.article.id} "${o.article.title}" (same address)\n`,
      );
    } else if (o.status === 'duplicate') {
      duplicates += 1;
      process.stderr.write(`${o.source}: duplicate of article ${o.existing.id} "${o.existing.title}"\n`);
    } else {
      failed += 1;
      process.stderr.write(`${o.source}: failed: ${o.error}\n`);
    }
  }
  console.log(
    `imported ${imported}, duplicates ${duplicates}, failed ${failed}${versions ? `, new versions ${versions}` : ''}`,
  );
  return failed > 0 ? 1 : 0;
}
