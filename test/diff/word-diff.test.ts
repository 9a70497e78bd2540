import { describe, expect, it } from 'vitest';
import { diffVersions, normalizeUnitKey, renderDiff, splitDiffUnits } from '../../src/diff/index.js';

const inline = (a: string, b: string) => renderDiff(diffVersions(a, b), 'inline');

describe('diffVersions', () => {
  it('renders the reworded resistance quote as substitutions around the shared words', () => {
    const a =
      'We know that the occupying American forces cannot withstand the advanced and modern strikes of the resistance.';
    const b = 'We know that the occupiers will not be able to withstand our modern methods of resistance.';
    const parts = diffVersions(a, b);
    expect(renderDiff(parts, 'inline')).toBe(
      'We know that the <del>occupying American forces cannot</del><ins>occupiers will not be able to</ins> withstand ' +
        '<del>the advanced and</del><ins>our</ins> modern <del>strikes</del><ins>methods</ins> of <del>the</del> resistance.',
    );
    expect(renderDiff(parts, 'earlier')).toBe(
      'We know that the <del>occupying American forces cannot</del> withstand <del>the advanced and</del> modern <del>strikes</del> of <del>the</del> resistance.',
    );
    expect(renderDiff(parts, 'later')).toBe(
      'We know that the <ins>occupiers will not be able to</ins> withstand <ins>our</ins> modern <ins>methods</ins> of resistance.',
    );
  });

  it.each([
    ['letter case', 'The Minister said NO.', 'the minister said no.'],
    ['curly against straight quotes', '“We will stay,” he said.', '"We will stay," he said.'],
    ['angle against curly quotes', '«al-Nujaba» is ready', '“al-Nujaba” is ready'],
    ['low quotes and single quotes', '„Nein‘ sagte er', "'Nein' sagte er"],
    ['curly apostrophe in a contraction', 'it’s over and they won’t return', "it's over and they won't return"],
    ['em dash against spaced hyphen', 'we always say—that is enough', 'we always say - that is enough'],
    ['en dash against em dash', 'pages 10–12 — all of them', 'pages 10—12 – all of them'],
    ['extra spaces and a line break', 'troops  must\nleave now', 'troops must leave now'],
    ['digit grouping', 'It cost 2,500 dollars', 'It cost 2500 dollars'],
    ['ellipsis styles', 'We waited… and waited', 'We waited... and waited'],
  ])('treats %s as no change', (_name, a, b) => {
    const parts = diffVersions(a, b);
    expect(parts.map((p) => p.op)).toEqual(['equal']);
    expect(renderDiff(parts, 'earlier')).not.toMatch(/<(del|ins)>/);
  });

  it.each([
    [
      'a dollar sum',
      'The bill was $35,000,000 last year',
      'The bill was $36,000,000 last year',
      'The bill was <del>$35,000,000</del><ins>$36,000,000</ins> last year',
    ],
    [
      'a grouped figure',
      'about 2,500 troops remain',
      'about 3,000 troops remain',
      'about <del>2,500</del><ins>3,000</ins> troops remain',
    ],
    [
      'a euro sum written after the number',
      'a fine of 40€ was paid',
      'a fine of 45€ was paid',
      'a fine of <del>40€</del><ins>45€</ins> was paid',
    ],
    ['a scaled sum', 'aid of $2.5bn arrived', 'aid of $3bn arrived', 'aid of <del>$2.5bn</del><ins>$3bn</ins> arrived'],
    [
      'a percentage',
      'turnout was 41.5% in May',
      'turnout was 45% in May',
      'turnout was <del>41.5%</del><ins>45%</ins> in May',
    ],
  ])('keeps %s whole when it changes', (_name, a, b, expected) => {
    expect(inline(a, b)).toBe(expected);
  });

  it('keeps a spaced currency code with its number', () => {
    expect(splitDiffUnits('paid US$ 2.5 million').map((u) => u.text)).toEqual(['paid', 'US$ 2.5', 'million']);
  });

  it.each([
    ['a dropped word at the start', 'Frankly, we will stay', 'we will stay', '<del>Frankly,</del> we will stay'],
    ['an added word at the start', 'we will stay', 'Today we will stay', '<ins>Today</ins> we will stay'],
    ['a dropped word at the end', 'we will stay here', 'we will stay', 'we will stay <del>here</del>'],
    ['an added word in the middle', 'we will stay', 'we will surely stay', 'we will <ins>surely</ins> stay'],
    [
      'a one-word substitution',
      'troops must leave',
      'forces must leave',
      '<del>troops</del><ins>forces</ins> must leave',
    ],
    ['a negation written as one word', 'they cannot win', 'they can win', 'they <del>cannot</del><ins>can</ins> win'],
    ['a contraction replaced', "they won't go", 'they will go', 'they <del>won&#39;t</del><ins>will</ins> go'],
  ])('renders %s compactly', (_name, a, b, expected) => {
    expect(inline(a, b)).toBe(expected);
  });

  it('folds function words stranded inside a rewrite into one substitution', () => {
    const a =
      'Trump is obligated to withdraw his forces from Iraq by the end of 2025, and they must abide by their pledges to the Iraqi government,';
    const b = 'Trump must fulfill the promises of his predecessor and get out of Iraq,';
    expect(inline(a, b)).toBe(
      'Trump <del>is obligated to withdraw his forces from Iraq by the end of 2025, and they must abide by their pledges to the Iraqi government</del>' +
        '<ins>must fulfill the promises of his predecessor and get out of Iraq</ins>,',
    );
  });

  it('keeps each side in its own spelling for equal words', () => {
    const [part] = diffVersions('“Stay,” he said', '"stay," he said');
    expect(part).toMatchObject({ op: 'equal', a: '“Stay,” he said', b: '"stay," he said' });
  });

  it('gives no parts for two empty versions', () => {
    expect(diffVersions('', '')).toEqual([]);
    expect(inline('', 'new words')).toBe('<ins>new words</ins>');
  });

  it('rejects a non-string with a message naming the module', () => {
    expect(() => diffVersions(null as unknown as string, 'x')).toThrow(/^diff:/);
  });
});

describe('normalizeUnitKey', () => {
  it.each([
    ['“', '"'],
    ['»', '"'],
    ['’s', "'s"],
    ['—', '-'],
    ['Iraq', 'iraq'],
    ['$35,000,000', '$35000000'],
    ['3,5', '3,5'],
  ])('folds %s to %s', (text, key) => {
    expect(normalizeUnitKey(text)).toBe(key);
  });
});
