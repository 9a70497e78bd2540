/** `retold compare --jsonl`: decide each line's two quotes and list what the second altered. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { compareQuotes } from '../pairing/index.js';
import { loadVectors } from '../vectors/load.js';
import { processJsonLines } from '../jsonl.js';
import { UsageError } from './usage-error.js';

const compareLine = z.object({
  id: z.union([z.string(), z.number()]),
  a: z.string().max(100_000),
  b: z.string().max(100_000),
});

/** Run the compare command; resolves to the exit code. */
export async function runCompare(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jsonl: { type: 'boolean', default: false } } });
  if (!values.jsonl) throw new UsageError('compare: only --jsonl is supported');
  const vectors = loadVectors();
  const failed = await processJsonLines(process.stdin, process.stdout, process.stderr, compareLine, ({ id, a, b }) => {
    const r = compareQuotes(a, b, vectors);
    return { id, score: r.score, same: r.same, relation: r.relation, altered: r.altered };
  });
  return failed > 0 ? 1 : 0;
}
