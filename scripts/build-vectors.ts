/**
 * Build the compact word-vector table: `npx tsx scripts/build-vectors.ts [words] [out]`.
 * Defaults: 100,000 words into data/vectors/sg-100d-q8.bin.
 */
import { buildVectorTable, DEFAULT_TABLE_WORDS } from '../src/vectors/build.js';
import { locateVectorTable } from '../src/vectors/load.js';

const limit = process.argv[2] ? Number(process.argv[2]) : DEFAULT_TABLE_WORDS;
const out = process.argv[3] ?? locateVectorTable();
if (!Number.isInteger(limit) || limit <= 0) {
  console.error(`build-vectors: word count must be a positive integer, got ${process.argv[2]}`);
  process.exit(2);
}
const started = Date.now();
const count = buildVectorTable(out, limit);
console.log(`build-vectors: ${count} words written to ${out} in ${Date.now() - started} ms`);
