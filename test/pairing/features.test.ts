import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/index.js';
import { decidePair, prepareQuote } from '../../src/pairing/index.js';

const contentOf = (text: string) => prepareQuote(text).content.map((w) => `${w.key}/${w.kind}`);

describe('statement features', () => {
  it.each([
    ['The ministry must repay the loan.', 'must'],
    ['The ministry should repay the loan.', 'should'],
    ['The ministry has to repay the loan.', 'has to'],
    ['The ministry has got to repay the loan.', 'has got to'],
    ['The ministry needs to repay the loan.', 'needs to'],
    ['The ministry ought to repay the loan.', 'ought to'],
    ['The ministry is obligated to repay the loan.', 'obligated to'],
    ['The ministry is required to repay the loan.', 'required to'],
  ])('reads the obligation in "%s" as one weightless modal word', (text, phrase) => {
    const f = prepareQuote(text);
    const modals = f.content.filter((w) => w.kind === 'modal');
    expect(modals.map((w) => [w.key, w.text, w.weight])).toEqual([['must', phrase, 0]]);
    expect(contentOf(text)).toEqual(['ministry/word', 'must/modal', 'repay/word', 'loan/word']);
  });

  it('keeps the words of the sentence for the verbatim test when an obligation is read', () => {
    expect(prepareQuote('Troops are obliged to leave.').words).toEqual(['troops', 'are', 'obliged', 'to', 'leave']);
  });

  it('marks a negated obligation as negated', () => {
    const modal = prepareQuote('They do not have to leave.').content.find((w) => w.kind === 'modal');
    expect(modal?.negated).toBe(true);
  });

  it('reads no obligation into "need" without "to" or into a future "will"', () => {
    expect(contentOf('We need more doctors and we will hire them.').some((k) => k.endsWith('/modal'))).toBe(false);
  });

  it('decides a pair the same before and after reading other text (issue 14: msrp figures moved between two runs)', () => {
    const a =
      "The conference will almost certainly reignite speculation about release dates of Zentrix's new products.";
    const b = "The conference will also almost certainly fan the flames of speculation about Zentrix's release.";
    const decide = () => decidePair(prepareQuote(a), prepareQuote(b));
    const before = decide();
    // text where wink keeps the possessive whole, and would remember it
    analyzeText("Analysts said the next move was Zentrix's. The choice is Zentrix's, they said.");
    expect(decide()).toEqual(before);
    expect(prepareQuote(a).words).toContain('zentrix');
  });
});

describe('words of other scripts', () => {
  it.each([
    ['القوات ستنسحب بحلول نهاية 2025', ['القوات/word', 'ستنسحب/word', 'بحلول/word', 'نهاية/word', '2025/number']],
    [
      'Войска уйдут к концу 2025 года',
      ['войска/word', 'уйдут/word', 'к/word', 'концу/word', '2025/number', 'года/word'],
    ],
  ])('keeps the words of "%s" as content words, matched exactly', (text, content) => {
    expect(contentOf(text)).toEqual(content);
  });

  it('pairs two quotes in Arabic that say the same, and not two that share only a year', () => {
    const quote = prepareQuote('القوات ستنسحب بحلول نهاية 2025');
    const same = decidePair(quote, prepareQuote('القوات ستنسحب بحلول نهاية 2025'));
    expect([same.same, same.relation]).toEqual([true, 'verbatim']);
    const other = decidePair(quote, prepareQuote('الاقتصاد سينمو بقوة في عام 2025'));
    expect(other.same).toBe(false);
  });
});
