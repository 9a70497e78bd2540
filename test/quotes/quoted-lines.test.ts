import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/index.js';
import { classifyDirects, findDirects } from '../../src/quotes/direct.js';
import { findMarkedQuotes } from '../../src/quotes/index.js';
import { findMarkedSpans } from '../../src/quotes/marks.js';
import { buildQuotedLineWords } from '../../src/quotes/quoted-lines.js';
import { buildWords } from '../../src/quotes/words.js';

const dir = join(import.meta.dirname, '..', '..', 'data', 'samples');
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => [file, readFileSync(join(dir, file), 'utf8')] as const);

// Lines whose first words read or change the word before them, after lines without marks.
const tricky: [string, string][] = [
  ['a capitalised verb opening a quoted line', '“A,” one said.\nThe plan ends.\nSaid “x” to all.'],
  ['a speech verb in -s opening a quoted line', 'Jones\nspoke first.\nNotes “the plan” in full.'],
  ['back after shot across a line', '“Stop,” he shot\nback at them.\nThen “nothing” came.'],
  ['a closing mark glued to a plural at a line end', 'It was ‘Sanders’\nfirst thing.\nLater: “Go,” she said.'],
  [
    'quoted lines between plain ones',
    'Intro line.\n\n“One,” said Ana.\n\nPlain text.\n\n“Two” and “three,” Bo added.\n\nEnd.',
  ],
];

/** What findMarkedQuotes gives, with the words of the whole text. */
function markedFromAllWords(text: string) {
  const words = buildWords(text, analyzeText(text).tokens);
  const directs = findDirects(text, words);
  classifyDirects(text, words, directs);
  return directs.map((d) => ({ start: d.span.start, end: d.span.end, kind: d.kind })).sort((x, y) => x.start - y.start);
}

describe('buildQuotedLineWords', () => {
  it.each([...samples, ...tricky])(
    'builds the words of the quoted lines as the whole text has them (%s)',
    (_, text) => {
      const { tokens } = analyzeText(text);
      const spans = findMarkedSpans(text);
      const all = buildWords(text, tokens);
      const lines = buildQuotedLineWords(text, tokens, spans);
      const inLine = (start: number) => spans.some((s) => s.paragraphStart <= start && start < s.paragraphEnd);
      const byStart = new Map(all.map((w) => [w.start, w]));
      for (const w of lines.filter((x) => inLine(x.start))) expect(w).toEqual(byStart.get(w.start));
      expect(lines.filter((x) => inLine(x.start))).toHaveLength(all.filter((x) => inLine(x.start)).length);
    },
  );

  it('skips the lines without quotation marks', () => {
    const text = tricky[4][1];
    const { tokens } = analyzeText(text);
    expect(buildQuotedLineWords(text, tokens, findMarkedSpans(text)).length).toBeLessThan(
      buildWords(text, tokens).length,
    );
  });

  it('reads the whole text when a quoted line opens with a word that reads the word before it', () => {
    const text = tricky[0][1];
    const { tokens } = analyzeText(text);
    expect(buildQuotedLineWords(text, tokens, findMarkedSpans(text))).toEqual(buildWords(text, tokens));
  });
});

describe('findMarkedQuotes over the quoted lines alone', () => {
  it.each([...samples, ...tricky])('gives what the whole text’s words give (%s)', (_, text) => {
    expect(findMarkedQuotes(text, analyzeText(text))).toEqual(markedFromAllWords(text));
  });
});
