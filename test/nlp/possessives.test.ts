import { describe, expect, it } from 'vitest';
import { findPossessiveCuts, insertSpaces } from '../../src/nlp/possessives.js';

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
