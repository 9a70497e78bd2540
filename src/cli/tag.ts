/** `retold tag --jsonl`: editorial spans of each line's text. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { tagText } from '../editorial/index.js';
import { withTrainedModel } from '../editorial/trained-model.js';
import { loadVectors } from '../vectors/load.js';
import { processJsonLines } from '../jsonl.js';
import { UsageError } from './usage-error.js';

const tagLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/**
 * `retold tag --jsonl`: {"id","text"} lines in, {"id","spans","sentences"}
 * lines out, in order; spans carry the model's confidence, sentences its bias score.
 */
export async function runTag(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jsonl: { type: 'boolean', default: false } } });
  if (!values.jsonl) throw new UsageError('tag: only --jsonl is supported (lines of {"id","text"} on stdin)');
  const options = withTrainedModel(loadVectors());
  const failed = await processJsonLines(process.stdin, process.stdout, process.stderr, tagLine, ({ id, text }) => {
    const { spans, sentences } = tagText(text, options);
    return {
      id,
      spans: spans.map((e) => ({
        start: e.start,
        end: e.end,
        text: e.text,
        category: e.category,
        voice: e.voice,
        confidence: e.confidence,
      })),
      sentences,
    };
  });
  return failed > 0 ? 1 : 0;
}
