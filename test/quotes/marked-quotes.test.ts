import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/index.js';
import { extractQuotes, findMarkedQuotes } from '../../src/quotes/index.js';

const dir = join(import.meta.dirname, '..', '..', 'data', 'samples');
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => [file, readFileSync(join(dir, file), 'utf8')] as const);

describe('findMarkedQuotes', () => {
  it.each(samples)('gives the spans and kinds of the marked quotations extractQuotes finds in %s', (_, text) => {
    const analysis = analyzeText(text);
    const marked = findMarkedQuotes(text, analysis);
    const extracted = extractQuotes(text, analysis)
      .filter((q) => q.kind !== 'indirect')
      .map((q) => ({ start: q.start, end: q.end, kind: q.kind }));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked).toEqual(extracted);
  });

  it('finds no indirect speech and nothing in an empty text', () => {
    const text = 'Police Chief Dana Ortiz said that the suspect had fled the state.';
    expect(extractQuotes(text).map((q) => q.kind)).toEqual(['indirect']);
    expect(findMarkedQuotes(text, analyzeText(text))).toEqual([]);
    expect(findMarkedQuotes('', analyzeText(''))).toEqual([]);
  });

  it('refuses the analysis of another text', () => {
    expect(() => findMarkedQuotes('One text.', analyzeText('Another text.'))).toThrow(/^quotes:/);
  });
});
