/**
 * JSON Lines over stdin/stdout for the CLI's batch commands: one object per
 * line in, one per line out; a bad line is reported on stderr with its number
 * and the rest go on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { z } from 'zod';

/**
 * Read lines from input, validate each with the schema, write handle's result
 * as a JSON line. Returns the number of failed lines (blank lines are skipped).
 */
export async function processJsonLines<S extends z.ZodType, R>(
  input: Readable,
  output: Writable,
  errors: Writable,
  schema: S,
  handle: (value: z.infer<S>) => R,
): Promise<number> {
  let lineNo = 0;
  let failed = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo += 1;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      failed += 1;
      errors.write(`line ${lineNo}: not valid JSON\n`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      failed += 1;
      errors.write(
        `line ${lineNo}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')}\n`,
      );
      continue;
    }
    output.write(`${JSON.stringify(handle(parsed.data))}\n`);
  }
  return failed;
}
