/** Reading the files, directories and URLs given to `retold import` and `retold analyze`. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IngestError } from '../ingest/index.js';

/** File names import and analyze read from a directory. */
const importable = /\.(txt|text|md|markdown|html?|json)$/i;

/** Expand directories into the importable files they hold (sorted), keep files and URLs. */
export function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) {
      out.push(a);
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      out.push(a); // reported as a failure when read
      continue;
    }
    if (st.isDirectory()) {
      for (const f of readdirSync(a).sort()) if (importable.test(f)) out.push(join(a, f));
    } else out.push(a);
  }
  return out;
}

/** Read a file for import, refusing it before reading when it is over the limit. */
export function readInput(path: string, maxBytes: number): { name: string; bytes: Uint8Array } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new IngestError(`cannot read ${path}: no such file`, 400);
  }
  if (size > maxBytes)
    throw new IngestError(`file is ${size} bytes, over the limit of ${maxBytes} (RETOLD_MAX_UPLOAD_MB)`, 413);
  return { name: basename(path), bytes: readFileSync(path) };
}

/** A progress bar on stderr for long imports (only on a terminal). */
export function progress(done: number, total: number): void {
  if (!process.stderr.isTTY || total < 5) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}
