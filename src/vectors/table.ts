/**
 * vectors: the compact word-vector table format and its in-memory lookup.
 * Pure (bytes in, lookup object out); the file reading lives in load.ts.
 *
 * Layout (little-endian):
 *   8 bytes  magic "RTVEC01\0"
 *   uint32   word count
 *   uint32   dimensions
 *   uint32   byte length of the word list
 *   ...      word list, UTF-8, one word per line, most frequent word first
 *   ...      count × dimensions Int8 components, each vector scaled so its
 *            largest component is ±127 (cosine only needs the direction)
 */

/** Word vectors as the pairing core sees them. */
export interface WordVectors {
  /** length of every vector */
  dimensions: number;
  /** the unit-length vector of a lower-case word, or undefined when unknown */
  lookup(word: string): Float32Array | undefined;
  /** frequency rank of a word (0 = most frequent), or undefined when unknown */
  rank(word: string): number | undefined;
  /** number of words in the table */
  size: number;
}

const MAGIC = 'RTVEC01\0';
const HEADER = 20;

/** Encode words (most frequent first) and their float vectors into the table format. */
export function encodeVectorTable(words: string[], vectors: ArrayLike<number>[], dimensions: number): Uint8Array {
  if (words.length !== vectors.length) throw new Error(`vectors: ${words.length} words but ${vectors.length} vectors`);
  const list = new TextEncoder().encode(words.join('\n'));
  const out = new Uint8Array(HEADER + list.length + words.length * dimensions);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, words.length, true);
  view.setUint32(12, dimensions, true);
  view.setUint32(16, list.length, true);
  out.set(list, HEADER);
  const body = new Int8Array(out.buffer, HEADER + list.length, words.length * dimensions);
  vectors.forEach((v, i) => {
    if (v.length < dimensions)
      throw new Error(`vectors: vector of "${words[i]}" has ${v.length} components, expected ${dimensions}`);
    let max = 0;
    for (let d = 0; d < dimensions; d += 1) max = Math.max(max, Math.abs(v[d]));
    const scale = max > 0 ? 127 / max : 0;
    for (let d = 0; d < dimensions; d += 1) body[i * dimensions + d] = Math.round(v[d] * scale);
  });
  return out;
}

/**
 * Decode a table into a lookup object. Vectors are turned into unit-length
 * Float32Arrays on first use and kept, so start-up costs one pass over the
 * word list only.
 */
export function decodeVectorTable(bytes: Uint8Array): WordVectors {
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== MAGIC) throw new Error(`vectors: not a vector table (magic ${JSON.stringify(magic)})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const dimensions = view.getUint32(12, true);
  const listBytes = view.getUint32(16, true);
  if (HEADER + listBytes + count * dimensions > bytes.byteLength)
    throw new Error(`vectors: table truncated (${bytes.byteLength} bytes)`);
  const words = new TextDecoder().decode(bytes.subarray(HEADER, HEADER + listBytes)).split('\n');
  const body = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER + listBytes, count * dimensions);
  const ranks = new Map<string, number>();
  words.forEach((w, i) => {
    if (!ranks.has(w)) ranks.set(w, i);
  });
  const cache = new Map<number, Float32Array>();
  return {
    dimensions,
    size: count,
    rank: (word) => ranks.get(word),
    lookup(word) {
      const i = ranks.get(word);
      if (i === undefined) return undefined;
      let v = cache.get(i);
      if (!v) {
        v = new Float32Array(dimensions);
        let norm = 0;
        for (let d = 0; d < dimensions; d += 1) {
          v[d] = body[i * dimensions + d];
          norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < dimensions; d += 1) v[d] /= norm;
        cache.set(i, v);
      }
      return v;
    },
  };
}

/** Cosine of two unit-length vectors. */
export function computeCosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d += 1) s += a[d] * b[d];
  return s;
}
