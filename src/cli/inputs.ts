/** Reading the files, directories and URLs given to `retold import` and `retold analyze`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { IngestError, type ArticleInput } from '../ingest/index.js';
import { manifestName, readManifest } from '../corpus/manifest.js';

/** File names import and analyze read from a directory. */
const importable = /\.(txt|text|md|markdown|html?|json)$/i;

/** One thing to read: a file or URL, with the metadata its folder's manifest gives it, or a manifest that could not be read. */
export interface InputItem {
  path: string;
  metadata?: Partial<ArticleInput>;
  /** the manifest of a folder was unreadable: reported as this item's failure */
  error?: IngestError;
}

/**
 * Expand directories into the importable files they hold, keep files and URLs.
 * A directory with a manifest.json gives the files it lists, in its order,
 * with their metadata, then any other importable file in it (sorted); the
 * manifest itself is never read as an article.
 */
export function expandInputs(args: string[]): InputItem[] {
  const out: InputItem[] = [];
  for (const a of args) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) {
      out.push({ path: a });
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      out.push({ path: a }); // reported as a failure when read
      continue;
    }
    if (!st.isDirectory()) {
      out.push({ path: a });
      continue;
    }
    const listed = new Set<string>();
    if (existsSync(join(a, manifestName))) {
      try {
        for (const entry of readManifest(a)) {
          listed.add(entry.file);
          out.push({ path: join(a, entry.file), metadata: entry.metadata });
        }
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        out.push({ path: join(a, manifestName), error: err });
      }
      listed.add(manifestName);
    }
    for (const f of readdirSync(a).sort()) if (importable.test(f) && !listed.has(f)) out.push({ path: join(a, f) });
  }
  return out;
}

/** Read a file for import, refusing it before reading when it is over the limit. */
export function readInput(path: string, maxBytes: number): { name: string; bytes: Uint8Array } {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new IngestError(`cannot read ${path}: a directory inside a directory is not read`, 400);
    size = st.size;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`cannot read ${path}: no such file`, 400);
  }
  if (size > maxBytes)
    throw new IngestError(`file is ${size} bytes, over the limit of ${maxBytes} (RETOLD_MAX_UPLOAD_MB)`, 413);
  return { name: basename(path), bytes: readFileSync(path) };
}

/** A progress bar on stderr for long imports (only on a terminal; cli-progress draws it). */
export interface Progress {
  tick(done: number): void;
  stop(): void;
}

/** Start the progress bar of a run over `total` inputs; nothing is drawn off a terminal or for a few inputs. */
export function startProgress(total: number): Progress {
  if (!process.stderr.isTTY || total < 5) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'importing [{bar}] {value}/{total} · {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(total, 0);
  return { tick: (done) => bar.update(done), stop: () => bar.stop() };
}
