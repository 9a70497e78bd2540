import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/index.js';

describe('analyzeText', () => {
  it('gives token offsets that slice back to the token text', () => {
    const text =
      "“On the other hand,” Musawi said, “we always say—that 2,500 troops cost $35,000,000.”\n\nHe didn't go.";
    const { tokens } = analyzeText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain('2,500');
    expect(tokens.map((t) => t.text)).toContain('35,000,000');
  });

  it('lemmatizes inflected forms', () => {
    const { tokens } = analyzeText('U.S. troops brazenly trampled on Iraqi soil.');
    const lemma = (w: string) => tokens.find((t) => t.text === w)?.lemma;
    expect(lemma('troops')).toBe('troop');
    expect(lemma('trampled')).toBe('trample');
  });

  it('splits sentences and keeps their spans inside the text', () => {
    const text = 'First sentence here. Second one follows.\n\nA third paragraph.';
    const { sentences } = analyzeText(text);
    expect(sentences.map((s) => s.text)).toEqual(['First sentence here.', 'Second one follows.', 'A third paragraph.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('rejects a non-string with a message naming the module', () => {
    expect(() => analyzeText(42 as unknown as string)).toThrow(/^nlp:/);
  });

  it('splits a possessive the same way whatever the process read before', () => {
    const text = "Shares of Zorblax's new products rose, and Quuxco’s fell.";
    const before = analyzeText(text);
    // wink keeps "Zorblax's" whole before a full stop and then remembers the whole form
    const learned = analyzeText("It was Zorblax's. It was Quuxco’s, they said.");
    expect(learned.tokens.map((t) => t.text)).toEqual([
      'It',
      'was',
      'Zorblax',
      "'s",
      '.',
      'It',
      'was',
      'Quuxco',
      '’s',
      ',',
      'they',
      'said',
      '.',
    ]);
    expect(learned.tokens.find((t) => t.text === "'s")).toMatchObject({ start: 14, end: 16, space: '' });
    expect(analyzeText(text)).toEqual(before);
    expect(before.tokens.map((t) => t.text)).toContain("'s");
  });

  it('leaves contractions ending in "s" to wink', () => {
    const tokens = analyzeText("It's late, let's go; he's here.").tokens;
    expect(tokens.filter((t) => /^['’]s$/i.test(t.text)).map((t) => t.lemma)).toEqual(['be', 'us', 'be']);
  });
});
