import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSSESSIVE, findPossessiveCuts, insertSpaces } from '../../src/nlp/possessives.js';

const contractions = new Set(["it's", "It's", "let's", "he's", 'that’s']);
const known = (w: string) => contractions.has(w);
const marked = (text: string) => insertSpaces(text, findPossessiveCuts(text, known));

describe('possessive cuts', () => {
  it.each([
    ["Iraq's army", "Iraq 's army"],
    ["It was Iraq's.", "It was Iraq 's."],
    ['the minister’s aide', 'the minister ’s aide'],
    ["(Zorblax's) and “Quuxco's”", "(Zorblax 's) and “Quuxco 's”"],
    ["THE NATION'S DEBT", "THE NATION 'S DEBT"],
    ["the 1990's", "the 1990 's"],
    ["It's late, let's go; he's here and that’s it.", "It's late, let's go; he's here and that’s it."],
    ["the workers' union", "the workers' union"],
    ["Zorblax'sss and O'Shea", "Zorblax'sss and O'Shea"],
  ])('reads %j as %j', (text, expected) => {
    expect(marked(text)).toBe(expected);
  });

  it('puts a space before each apostrophe and nowhere else', () => {
    expect(insertSpaces('abcdef', [2, 4])).toBe('ab cd ef');
    expect(insertSpaces('abc', [])).toBe('abc');
  });
});

describe('possessive cuts found from the apostrophes', () => {
  // what the regular expression finds, word and cut, as the definition
  const byExpression = (text: string) =>
    [...text.matchAll(POSSESSIVE)].map((m) => [m[0], m.index + m[0].length - 2] as const);
  const byScan = (text: string) => {
    const words: string[] = [];
    const cuts = findPossessiveCuts(text, (w) => (words.push(w), false));
    return cuts.map((c, i) => [words[i], c] as const);
  };
  const pieces = [
    'a',
    'Z',
    '9',
    's',
    'S',
    "'",
    '’',
    ' ',
    '.',
    '-',
    'é',
    'ß',
    '𝐀',
    '😀',
    '\ud835',
    '\udc00',
    '\n',
    '“',
    'ـ',
  ];

  it('finds what the expression finds, on any text made of the awkward pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(byScan(text)).toEqual(byExpression(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('asks about every word it finds and cuts only the unknown ones', () => {
    const text = "It's Iraq's and 𝐀𝐁's, x's's, d'Souza's; 's alone";
    expect(byScan(text)).toEqual(byExpression(text));
    expect(findPossessiveCuts(text, (w) => w === "It's")).toEqual(
      byExpression(text)
        .slice(1)
        .map(([, c]) => c),
    );
  });
});
