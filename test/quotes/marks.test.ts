import { describe, expect, it } from 'vitest';
import { findMarkedSpans } from '../../src/quotes/marks.js';

function contents(text: string): string[] {
  return findMarkedSpans(text).map((s) => text.slice(s.start, s.end));
}

describe('findMarkedSpans', () => {
  it.each([
    ['curly double', 'He said “yes” today.', ['yes']],
    ['straight double', 'He said "yes" today.', ['yes']],
    ['guillemets', 'Il a dit «oui» hier.', ['oui']],
    ['German low-high', 'Er sagte „ja“ heute.', ['ja']],
    ['single curly', 'She called it ‘absurd’ twice.', ['absurd']],
    ['nested single in double', '“Call it ‘absurd’ then,” she said.', ['Call it ‘absurd’ then,']],
    ['guillemets nested in double', '“Members of the «Axis.»”', ['Members of the «Axis.»']],
    ['two quotes', '“One,” he said, “two.”', ['One,', 'two.']],
    ['apostrophes only', 'Iraq’s army didn’t move; the jihadists’ plan failed.', []],
    ['a lone closing mark', 'He said no” and left.', []],
    ['a straight opening mark closed by a curly one', '"Not now,” she said. “Later.”', ['Not now,', 'Later.']],
    ['a curly opening mark closed by a straight one', '“Not now," she said. “Later.”', ['Not now,', 'Later.']],
    ['a mistyped closing mark', '“Not now,“ said Ann Ruiz. “Later.”', ['Not now,', 'Later.']],
  ])('reads %s', (_case, text, expected) => {
    expect(contents(text)).toEqual(expected);
  });

  it('ends an unclosed quotation at its paragraph end and opens the next paragraph anew', () => {
    const text = '“First part.\n\n“Second part.”';
    const spans = findMarkedSpans(text);
    expect(contents(text)).toEqual(['First part.', 'Second part.']);
    expect(spans[0].close).toBeNull();
    expect(spans[1].close).toBe(text.length - 1);
  });

  it('treats a new opening mark inside an open quotation as the start of another one', () => {
    expect(contents('“never closed “closed”')).toEqual(['never closed', 'closed']);
  });
});
