import { describe, expect, it } from 'vitest';
import { buildSnippet, SCAN_CHARS } from '../../src/search/snippet.js';

/** The snippet with its marks shown as [ and ]. */
const show = (text: string, words: string[]) =>
  buildSnippet(text, words)
    .replace(/\u0002/g, '[')
    .replace(/\u0003/g, ']');

const token = 'abcdefghij'.repeat(20_000);

describe('bounded search snippets', () => {
  it.each([
    ['marks another form of a word', 'The withdrawal was announced.', ['withdraw'], 'The [withdrawal] was announced.'],
    [
      'marks every query word',
      'Occupiers must leave, said al-Yasser.',
      ['occupier', 'yasser'],
      '[Occupiers] must leave, said al-[Yasser].',
    ],
    ['keeps a short word whole', 'He met them at the bar.', ['bar'], 'He met them at the [bar].'],
    ['does not mark a word inside another word', 'The embargo held.', ['bar'], 'The embargo held.'],
    ['reads regular-expression characters as text', 'Costs rose (a lot).', ['.*', '(a'], 'Costs rose [(a] lot).'],
  ])('%s', (_name, text, words, expected) => {
    expect(show(text, words)).toBe(expected);
  });

  it('shows a stretch around a match deep in a long text, with ellipses at both cuts', () => {
    const filler = 'The council met again on a Tuesday. '.repeat(500);
    const s = show(`${filler}Then the bridge fell. ${filler}`, ['bridge']);
    expect(s).toMatch(/^….*\[bridge\] fell\..*…$/);
    expect(s.length).toBeLessThan(260);
  });

  it('cuts a huge matched token and a huge token around the match', () => {
    const matched = show(`One long token: ${token} and more.`, ['abcdefghijabcdefghij']);
    expect(matched.length).toBeLessThan(120);
    expect(matched).toMatch(/\[abcdefghij(abcdefghij)+…\]/);
    const around = show(`${token.slice(0, 50_000)} zebra ${token}`, ['zebra']);
    expect(around).toContain('[zebra]');
    expect(around.length).toBeLessThan(260);
  });

  it('gives the start of the text when nothing matches within the scanned characters', () => {
    const s = show(`${'word '.repeat(SCAN_CHARS / 5)} zebra`, ['zebra']);
    expect(s).not.toContain('[');
    expect(s.startsWith('word word')).toBe(true);
    expect(s.length).toBeLessThan(220);
  });

  it('takes time in proportion to the scanned part, not to the whole text', () => {
    const big = 'The mayor said the bridge would be rebuilt by spring. '.repeat(90_000); // about 5 MB
    const t = performance.now();
    for (let i = 0; i < 20; i += 1) buildSnippet(big, ['mayor', 'nowhere']);
    // 20 snippets of a 5 MB text: bounded work, far under a second even on a loaded machine
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
