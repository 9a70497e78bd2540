import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagText, type EditorialSuggestions } from '../../src/editorial/index.js';
import { MIN_EDITORIAL_THRESHOLD, withTrainedModel } from '../../src/editorial/trained-model.js';
import { loadVectors } from '../../src/vectors/load.js';

// Every span (offsets, category, voice, rule, source, confidence) and every sentence bias the
// tagger gives the sample articles, pinned: the tagger is made faster from time to time, and a
// faster tagger must say exactly what the slower one said (update with `vitest -u` only when a
// change of output is meant).
const dir = join(import.meta.dirname, '..', '..', 'data', 'samples');
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));

function render(file: string, result: EditorialSuggestions): string {
  const lines = [`# ${file}`];
  for (const s of result.spans)
    lines.push(
      [s.start, s.end, JSON.stringify(s.text), s.category, s.voice, s.rule, s.source, s.confidence ?? '-'].join(' '),
    );
  for (const s of result.sentences) lines.push(`sentence ${s.start} ${s.end} ${s.bias}`);
  return lines.join('\n');
}

describe('tagging output on the sample articles', () => {
  const vectors = loadVectors();
  it.each([
    ['trained model at its default confidence', 'samples-default.txt', withTrainedModel(vectors)],
    [
      'trained model at the lowest confidence',
      'samples-lowest.txt',
      withTrainedModel(vectors, MIN_EDITORIAL_THRESHOLD),
    ],
    ['rules alone', 'samples-rules.txt', {}],
  ])('stays the same with the %s', async (_, file, options) => {
    const out = samples.map((s) => render(s.file, tagText(s.text, options))).join('\n') + '\n';
    await expect(out).toMatchFileSnapshot(`__snapshots__/${file}`);
  });
});
