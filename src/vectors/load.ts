/**
 * vectors: find, build when missing, and load the word-vector table.
 * The table is one file read into typed arrays; see table.ts for the format.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../paths.js';
import { buildVectorTable } from './build.js';
import { decodeVectorTable, type WordVectors } from './table.js';

/** Default location of the table: data/vectors/sg-100d-q8.bin in the project. */
export function locateVectorTable(): string {
  return join(dataDir, 'vectors', 'sg-100d-q8.bin');
}

let loaded: WordVectors | undefined;

/**
 * Load the word vectors (once per process). When the table file is missing it
 * is built from the installed embeddings package first, which takes seconds.
 */
export function loadVectors(path = locateVectorTable()): WordVectors {
  if (loaded && path === locateVectorTable()) return loaded;
  if (!existsSync(path)) buildVectorTable(path);
  const vectors = decodeVectorTable(new Uint8Array(readFileSync(path)));
  if (path === locateVectorTable()) loaded = vectors;
  return vectors;
}
