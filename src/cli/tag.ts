/** `retold tag --jsonl`: editorial spans of each line's text. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { tagText } from '../editorial/index.js';
import { processJsonLines } from '../jsonl.js';
import { UsageError } from './usage-error.js';

const tagLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** `retold tag --jsonl`: {"id","text"} lines in, {"id","spans"} lines out, in order. */
export async function runTag(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jsonl: { type: 'boolean', default: false } } });
  if (!values.jsonl) throw new UsageError('tag: only --jsonl is supported (lines of {"id","text"} on stdin)');
  const failed = await processJsonLines(process.stdin, process.stdout, process.stderr, tagLine, ({ id, text }) => ({
    id,
    spans: tagText(text).spans.map((e) => ({ start: e.start, end: e.end, text: e.text, category: e.category, voice: e.voice })),
  }));
  return failed > 0 ? 1 : 0;
}
