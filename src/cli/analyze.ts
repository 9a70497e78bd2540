/** `retold analyze --format json FILE...`: analyse files in memory and print the stable JSON shape. */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { IngestError, parseUpload, type ArticleInput } from '../ingest/index.js';
import { analyzeCorpus } from '../analysis/index.js';
import { loadVectors } from '../vectors/load.js';
import { expandInputs, readInput } from './inputs.js';
import { UsageError } from './usage-error.js';

/** Run the analyze command; returns the exit code. */
export function runAnalyze(config: Config, args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'json' } },
    allowPositionals: true,
  });
  if (values.format !== 'json') throw new UsageError(`analyze: unknown format ${values.format} (only json)`);
  if (positionals.length === 0) throw new UsageError('analyze: give at least one FILE');
  const items: { file: string; input: ArticleInput }[] = [];
  let failed = 0;
  for (const { path, metadata, error } of expandInputs(positionals)) {
    try {
      if (error) throw error;
      const file = readInput(path, config.maxUploadBytes);
      for (const input of parseUpload(file, config.maxUploadBytes))
        items.push({ file: path, input: { ...input, ...metadata } });
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      failed += 1;
      process.stderr.write(`${path}: ${err.message}\n`);
    }
  }
  const { output } = analyzeCorpus(items, loadVectors());
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return failed > 0 ? 1 : 0;
}
