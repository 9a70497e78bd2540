import { describe, expect, it } from 'vitest';
import { findLoadedInsideQuote } from '../../src/diff/index.js';
import { detectEditorial } from '../../src/editorial/index.js';

/** The later quote's offsets in its text and the editorial spans of that text, as the store would hold them. */
function laterVersion(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test: ${quote} is not in ${text}`);
  const spans = detectEditorial(text, [{ start, end: start + quote.length, kind: 'full' }]);
  return { quote: { start, end: start + quote.length }, spans };
}

describe('findLoadedInsideQuote', () => {
  it.each([
    // earlier quote, later article text, later quote, the words reported
    [
      'The council will review the budget in June',
      'The mayor said: "The despotic council will review the budget in June."',
      'The despotic council will review the budget in June.',
      ['despotic'],
    ],
    [
      'Our forces pushed back the attack by the rebels',
      '"Our heroic forces pushed back the attack by the thugs," the general said, according to state media.',
      'Our heroic forces pushed back the attack by the thugs,',
      ['heroic', 'thugs'],
    ],
    [
      'We will respond to any strike',
      '"We will respond to any strike with a devastating blow," the spokesman said.',
      'We will respond to any strike with a devastating blow,',
      ['devastating'],
    ],
  ])('reports the loaded words of %j that the later quote adds', (earlier, text, quote, words) => {
    const later = laterVersion(text, quote);
    const found = findLoadedInsideQuote(earlier, later.quote, later.spans);
    expect(found.every((c) => c.type === 'loaded-inside-quote')).toBe(true);
    expect(found.flatMap((c) => c.words).sort()).toEqual([...words].sort());
    for (const c of found) expect(c.message).toContain('inside the quote marks');
  });

  it.each([
    // both versions quote the loaded word
    [
      'The despotic council will review the budget',
      'She said: "The despotic council will review the budget."',
      'The despotic council will review the budget.',
    ],
    // the loaded word of the later article is in the writer's words, outside the quote
    ['We will review the budget', 'The brazen mayor said: "We will review the budget."', 'We will review the budget.'],
    // a plain retelling
    [
      'We will review the budget in June',
      'He said: "We will look at the budget in June."',
      'We will look at the budget in June.',
    ],
  ])('reports nothing when the later quote adds no loaded word (%j)', (earlier, text, quote) => {
    const later = laterVersion(text, quote);
    expect(findLoadedInsideQuote(earlier, later.quote, later.spans)).toEqual([]);
  });

  it('matches the earlier words by lemma, so an inflection is not new', () => {
    const later = laterVersion('"They trampled the protests," he said.', 'They trampled the protests,');
    expect(later.spans.length).toBeGreaterThan(0);
    expect(findLoadedInsideQuote('They will trample the protests', later.quote, later.spans)).toEqual([]);
    expect(
      findLoadedInsideQuote('They will stop the protests', later.quote, later.spans).flatMap((c) => c.words),
    ).toEqual(['trampled']);
  });

  it('leaves out scare quotes and attribution verbs, which are not words inside a quotation', () => {
    const spans = [
      { start: 0, end: 10, text: '"reforms"', category: 'scare-quotes' },
      { start: 0, end: 8, text: 'insisted', category: 'attribution-verb' },
    ];
    expect(findLoadedInsideQuote('plain words', { start: 0, end: 20 }, spans)).toEqual([]);
  });
});
