import { describe, expect, it } from 'vitest';
import { findContextAlterations, prepareQuote, readQuoteClause, type QuoteFeatures } from '../../src/pairing/index.js';

/** The later quote `quote` as it sits in `sentence`, with its clause. */
function inSentence(sentence: string, quote: string): QuoteFeatures {
  const start = sentence.indexOf(quote);
  if (start < 0) throw new Error(`not in the sentence: ${quote}`);
  const f = prepareQuote(quote);
  const clause = readQuoteClause(sentence, 0, sentence.length, start, start + quote.length);
  if (clause) f.clause = clause;
  return f;
}

const SUPPORT = 'We support the people of Gaza and will defend their interests.';
const WITHDRAW =
  'Trump is obligated to withdraw his forces from Iraq by the end of 2025, and they must abide by their pledges to the Iraqi government,';
const TEACHERS =
  'We will hire 500 new teachers for the schools of this city, and every one of them will be paid properly.';

describe('readQuoteClause', () => {
  it.each([
    [
      'He said the group would never “attack” civilians.',
      'attack',
      { before: 'He said the group would never', after: 'civilians' },
    ],
    [
      'Smith, who could not attend, said “we will hire teachers” and left.',
      'we will hire teachers',
      { before: 'said', after: '' },
    ],
    [
      'He promised to hire 5,000 “new teachers” by 2026.',
      'new teachers',
      { before: 'He promised to hire 5,000', after: 'by 2026' },
    ],
    [
      'They will strike “U.S. forces” in the U.S. and abroad.',
      'U.S. forces',
      { before: 'They will strike', after: 'in the U.S.' },
    ],
  ])('reads the clause around the quote in %s', (sentence, quote, clause) => {
    const start = sentence.indexOf(quote);
    expect(readQuoteClause(sentence, 0, sentence.length, start, start + quote.length)).toEqual(clause);
  });

  it('gives nothing after a quote that ends its clause inside its marks', () => {
    const s = 'He and the woman had “been friends for some time,” he claimed, and they had never met.';
    const q = 'been friends for some time,';
    const start = s.indexOf(q);
    expect(readQuoteClause(s, 0, s.length, start, start + q.length)).toEqual({
      before: 'He and the woman had',
      after: '',
    });
  });

  it('gives nothing for a quote that stands alone in its clause', () => {
    const s = '“We will attack,” he said, “and soon.”';
    expect(readQuoteClause(s, 0, s.length, 1, 15)).toBeUndefined();
  });

  it('refuses offsets outside the sentence', () => {
    expect(() => readQuoteClause('abc', 0, 3, 2, 5)).toThrow(/pairing: quote 2\.\.5/);
  });
});

describe('findContextAlterations', () => {
  it.each([
    [
      'a negation the earlier words lack',
      SUPPORT,
      'Yasir said the movement would never “support the people of Gaza” again.',
      'support the people of Gaza',
    ],
    [
      'a denial',
      SUPPORT,
      'Yasir denied that the movement would “support the people of Gaza” at all.',
      'support the people of Gaza',
    ],
    [
      'a condition',
      SUPPORT,
      'He said they would “support the people of Gaza” if Iran asked them to.',
      'support the people of Gaza',
    ],
    [
      'a possibility',
      SUPPORT,
      'He said they might “support the people of Gaza” one day.',
      'support the people of Gaza',
    ],
    [
      'a certainty where the "may" was cut',
      'We may raise taxes next year.',
      'He said the party will “raise taxes next year” whatever happens.',
      'raise taxes next year',
    ],
    [
      'a certainty where the "if" clause was cut',
      'If the U.S. or Israel dares to strike Iraq, they will face a devastating response,',
      'The official warned that the Americans “will face a devastating response”.',
      'will face a devastating response',
    ],
    [
      'another figure in place of the cut one',
      TEACHERS,
      'He promised to hire 5,000 “new teachers for the schools of this city” soon.',
      'new teachers for the schools of this city',
    ],
    [
      'another year in place of the cut one',
      WITHDRAW,
      'Yasser said Trump must “withdraw his forces from Iraq” by the end of 2026.',
      'withdraw his forces from Iraq',
    ],
    [
      'another quantity just before the kept words',
      'Some of our fighters were killed in the strike on the base.',
      'He said all “our fighters were killed in the strike”.',
      'our fighters were killed in the strike',
    ],
    [
      'another subject in place of the cut name',
      WITHDRAW,
      'Yasser said Biden must “withdraw his forces from Iraq by the end of 2025” as promised.',
      'withdraw his forces from Iraq by the end of 2025',
    ],
  ])('lists a context alteration for %s', (_, earlier, sentence, quote) => {
    const found = findContextAlterations(prepareQuote(earlier), inSentence(sentence, quote));
    expect(found).toHaveLength(1);
    expect(found[0].kind).toBe('context');
    expect(found[0].later).toContain(`“${quote}”`);
  });

  it.each([
    [
      'an attribution only',
      SUPPORT,
      'Yasir told Newsweek the movement would “support the people of Gaza” and its fighters.',
      'support the people of Gaza',
    ],
    [
      'the same negation',
      'We will not support the plan of the Americans.',
      'He said they would not “support the plan of the Americans” at all.',
      'support the plan of the Americans',
    ],
    [
      'the condition the earlier words state',
      'If the U.S. or Israel dares to strike Iraq, they will face a devastating response,',
      'He warned that the two “will face a devastating response” if they strike Iraq.',
      'will face a devastating response',
    ],
    [
      '"could" for "can"',
      'America cannot be trusted, and we can prove it to everyone.',
      'He said they could “prove it to everyone” this week.',
      'prove it to everyone',
    ],
    [
      'a weekday, which says when it was said',
      WITHDRAW,
      'Yasser told Newsweek on Tuesday that Trump must “withdraw his forces from Iraq by the end of 2025”.',
      'withdraw his forces from Iraq by the end of 2025',
    ],
    [
      'the month May, no "may"',
      'The talks with the American side will resume in January.',
      'He said in May that “the talks with the American side” were stalled.',
      'the talks with the American side',
    ],
    [
      'a quantity word that qualifies other words of the clause',
      'Our fighters will defend some of the villages in the north.',
      'He said “our fighters will defend” the villages few people expected them to.',
      'our fighters will defend',
    ],
    [
      'the same figure',
      TEACHERS,
      'He promised to hire 500 “new teachers for the schools of this city” soon.',
      'new teachers for the schools of this city',
    ],
    [
      'the kept name as the subject',
      WITHDRAW,
      'Yasser said Trump must “withdraw his forces from Iraq” soon.',
      'withdraw his forces from Iraq',
    ],
  ])('lists nothing for %s', (_, earlier, sentence, quote) => {
    expect(findContextAlterations(prepareQuote(earlier), inSentence(sentence, quote))).toEqual([]);
  });

  it('lists nothing for a trim of two words, which names a thing rather than makes a claim', () => {
    const earlier = 'She has put American lives and national security at risk, and she should be held accountable.';
    const sentence = 'The court ruled that it could not accept “national security” as a reason.';
    expect(findContextAlterations(prepareQuote(earlier), inSentence(sentence, 'national security'))).toEqual([]);
  });

  it('reads the trim on either side, from the first version to the second', () => {
    const trimmed = inSentence(
      'He said they might “support the people of Gaza” one day.',
      'support the people of Gaza',
    );
    const [forward] = findContextAlterations(prepareQuote(SUPPORT), trimmed);
    const [backward] = findContextAlterations(trimmed, prepareQuote(SUPPORT));
    expect(forward.earlier).toBe('support the people of Gaza');
    expect(backward).toEqual({ kind: 'context', earlier: forward.later, later: forward.earlier });
  });

  it('lists nothing without a clause, for a quote that is no trim, or when a negation alteration names the change', () => {
    const sentence = 'He said they might “support the people of Gaza” one day.';
    expect(findContextAlterations(prepareQuote(SUPPORT), prepareQuote('support the people of Gaza'))).toEqual([]);
    expect(
      findContextAlterations(
        prepareQuote(SUPPORT),
        inSentence('He said they might “defend Lebanon” one day.', 'defend Lebanon'),
      ),
    ).toEqual([]);
    expect(
      findContextAlterations(prepareQuote(SUPPORT), inSentence(sentence, 'support the people of Gaza'), [
        { kind: 'negation', earlier: 'not support', later: 'support' },
      ]),
    ).toEqual([]);
  });
});
