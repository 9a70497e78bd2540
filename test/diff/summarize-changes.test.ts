import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiff, summarizeChanges, type ChangeType, type VersionContext } from '../../src/diff/index.js';

/** A version whose quote is found in its sentence; attribution fields default to unknown. */
function version(sentence: string, quote: string, extra: Partial<VersionContext> = {}): VersionContext {
  const quoteStart = sentence.indexOf(quote);
  if (quoteStart < 0) throw new Error(`test: quote not in sentence: ${quote}`);
  return {
    quote,
    sentence,
    quoteStart,
    quoteEnd: quoteStart + quote.length,
    speaker: null,
    speakerMention: null,
    cue: null,
    outlet: null,
    kind: 'full',
    ...extra,
  };
}

/** Both quotes of the Newsweek-based retelling (000) and the opinion piece (001). */
const deadlineEarlier = version(
  "Firas al-Yasser, a member of the Nujaba Movement's Political Council, told Newsweek that Trump must adhere to a promise made by former President Joe Biden. " +
    '"Trump is obligated to withdraw his forces from Iraq by the end of 2025, and they must abide by their pledges to the Iraqi government," Yasser told Newsweek.',
  'Trump is obligated to withdraw his forces from Iraq by the end of 2025, and they must abide by their pledges to the Iraqi government,',
  {
    speaker: 'Firas al-Yasser',
    speakerMention: "a member of the Nujaba Movement's Political Council",
    cue: 'told',
    outlet: 'Newsweek',
  },
);
const deadlineLater = version(
  'Firas al-Yasir, a senior representative of the «al-Nujaba» movement, part of the «Islamic Resistance in Iraq», stated that American troops must leave the country by the end of 2025. ' +
    '“Trump must fulfill the promises of his predecessor and get out of Iraq,” the Iraqi official declared firmly.',
  'Trump must fulfill the promises of his predecessor and get out of Iraq,',
  { speaker: 'Firas al-Yasir', speakerMention: 'the Iraqi official', cue: 'declared firmly' },
);
const strikesA =
  'We know that the occupying American forces cannot withstand the advanced and modern strikes of the resistance.';
const strikesB = 'We know that the occupiers will not be able to withstand our modern methods of resistance.';

describe('summarizeChanges on the mission example', () => {
  const summary = summarizeChanges(deadlineEarlier, deadlineLater);
  const messages = summary.changes.map((c) => `${c.type}: ${c.message}`);

  it.each([
    "moved-out-of-quote: Deadline 'by the end of 2025' moved from inside the quote into the writer's sentence",
    "speaker-label-changed: Speaker label changed from 'a member of the Nujaba Movement's Political Council' to 'the Iraqi official'",
    "cue-changed: Cue changed from 'told Newsweek' to 'declared firmly'",
    "loaded-added: Intensifier 'firmly' added to the cue",
    "words-dropped: Dropped from the quote: 'obligated', 'withdraw', 'forces', 'abide', 'pledges', 'Iraqi', 'government'",
    "words-added: Added to the quote: 'fulfill', 'promises', 'predecessor'",
  ])('reports %s', (message) => {
    expect(messages).toContain(message);
  });

  it('does not count the moved deadline as a dropped date or dropped words', () => {
    expect(summary.changes.map((c) => c.type)).not.toContain('date-changed');
    expect(summary.changes.find((c) => c.type === 'words-dropped')?.words).not.toContain('end');
  });

  it('scores fidelity as the share of content lemmas kept: Trump and Iraq of eleven', () => {
    expect(summary.fidelity).toBeCloseTo(2 / 11, 5);
  });

  it('gives the word diff of the quotes for rendering', () => {
    expect(renderDiff(summary.parts, 'inline')).toMatch(
      /^Trump <del>is obligated .*<\/del><ins>must fulfill .* of Iraq<\/ins>,$/,
    );
  });

  it('reads the reworded strikes quote as dropped and added words, with the negation kept', () => {
    const s = summarizeChanges(
      version(`"${strikesA}"`, strikesA, { speaker: 'Firas al-Yasser' }),
      version(`“${strikesB}” And these are not empty words.`, strikesB, { speaker: 'Firas al-Yasir' }),
    );
    expect(s.changes.map((c) => c.type)).toEqual(['words-dropped', 'words-added']);
    expect(s.changes[0].words).toEqual(['occupying', 'American', 'forces', 'advanced', 'strikes']);
    expect(s.changes[1].words).toEqual(['occupiers', 'able', 'methods']);
    expect(s.fidelity).toBeCloseTo(4 / 9, 5);
  });

  it('reports the partial retelling of the strikes as a fragment that lost its negation', () => {
    const sentence =
      'The representative suggested that Iran-backed Iraqi militias would carry out “advanced and modern strikes” against U.S. forces if they do not leave Iraq by the end of 2025.';
    const partial = version(sentence, 'advanced and modern strikes', {
      kind: 'partial',
      speakerMention: 'The representative',
      cue: 'suggested',
    });
    const s = summarizeChanges(version(`"${strikesA}"`, strikesA), partial);
    const messages = s.changes.map((c) => `${c.type}: ${c.message}`);
    expect(messages).toContain("negation-changed: Negation dropped: 'cannot' no longer in the quote");
    expect(messages).toContain('kind-changed: Quote changed from full to partial');
    expect(s.changes.filter((c) => c.type === 'negation-changed')).toHaveLength(1);
  });
});

type Case = [name: string, earlier: VersionContext, later: VersionContext, type: ChangeType, message: string];

const cases: Case[] = [
  [
    'a negation added by a wire rewrite',
    version('"We will withdraw our troops," the minister said.', 'We will withdraw our troops,'),
    version('"We will not withdraw our troops," the minister said.', 'We will not withdraw our troops,'),
    'negation-changed',
    "Negation added: 'withdraw' negated in the later version",
  ],
  [
    'a negation dropped in a British paper with single quotes',
    version("'We cannot accept this deal,' she told the BBC.", 'We cannot accept this deal,'),
    version("'We can accept this deal,' she said.", 'We can accept this deal,'),
    'negation-changed',
    "Negation dropped: 'accept' no longer negated in the later version",
  ],
  [
    'a changed troop figure',
    version('"About 2,500 troops will stay," he said.', 'About 2,500 troops will stay,'),
    version('"About 3,000 troops will stay," he said.', 'About 3,000 troops will stay,'),
    'number-changed',
    "Figure changed from '2,500' to '3,000'",
  ],
  [
    'a changed sum of money',
    version('“The repairs cost $35,000,000,” the mayor said.', 'The repairs cost $35,000,000,'),
    version('“The repairs cost $53,000,000,” the mayor said.', 'The repairs cost $53,000,000,'),
    'number-changed',
    "Figure changed from '$35,000,000' to '$53,000,000'",
  ],
  [
    'a dropped figure',
    version('"Nearly 40 people were hurt," police said.', 'Nearly 40 people were hurt,'),
    version('"People were hurt," police said.', 'People were hurt,'),
    'number-changed',
    "Figure '40' dropped from the quote",
  ],
  [
    'a changed day of the month',
    version('"The talks resume on March 3," he said.', 'The talks resume on March 3,'),
    version('"The talks resume on March 10," he said.', 'The talks resume on March 10,'),
    'date-changed',
    "Date changed from 'March 3' to 'March 10'",
  ],
  [
    'a changed year',
    version('"Troops leave by the end of 2025," he said.', 'Troops leave by the end of 2025,'),
    version('"Troops leave by the end of 2026," he said.', 'Troops leave by the end of 2026,'),
    'date-changed',
    "Date changed from '2025' to '2026'",
  ],
  [
    'a loaded adjective added on an opinion site',
    version('"We will respond," the spokesman said.', 'We will respond,'),
    version('"We will deliver a devastating response," the spokesman said.', 'We will deliver a devastating response,'),
    'loaded-added',
    "Loaded word 'devastating' added to the quote",
  ],
  [
    'a loaded word added to the speaker label',
    version('"Elections will be held," the government said.', 'Elections will be held,', {
      speakerMention: 'the government',
    }),
    version('"Elections will be held," the regime said.', 'Elections will be held,', { speakerMention: 'the regime' }),
    'loaded-added',
    "Loaded word 'regime' added to the speaker label",
  ],
  [
    'a figure moved from the writer’s sentence into the quote',
    version(
      'The mayor said the budget would be cut by 40 percent. "It is a fair plan," she said.',
      'It is a fair plan,',
    ),
    version(
      '"The budget will be cut by 40 percent and it is a fair plan," the mayor said.',
      'The budget will be cut by 40 percent and it is a fair plan,',
    ),
    'moved-into-quote',
    "Figure 'cut by 40 percent' moved from the writer's sentence into the quote",
  ],
  [
    'a deadline moved out of the quote',
    version('"Prices will rise sharply until June," the governor warned.', 'Prices will rise sharply until June,', {
      cue: 'warned',
    }),
    version('Prices will go up until June, the governor said: "they will rise sharply."', 'they will rise sharply.', {
      cue: 'said',
    }),
    'moved-out-of-quote',
    "Deadline 'until June' moved from inside the quote into the writer's sentence",
  ],
  [
    'the outlet dropped from the cue',
    version('"We are ready," Musawi told Reuters.', 'We are ready,', { cue: 'told', outlet: 'Reuters' }),
    version('"We are ready," Musawi said.', 'We are ready,', { cue: 'said' }),
    'cue-changed',
    "Cue changed from 'told Reuters' to 'said'",
  ],
  [
    'a neutral cue made a loaded one',
    version('"It is over," she said.', 'It is over,', { cue: 'said' }),
    version('"It is over," she admitted.', 'It is over,', { cue: 'admitted' }),
    'cue-changed',
    "Cue changed from 'said' to 'admitted'",
  ],
  [
    'a named senator turned into a party label',
    version('“We need the votes,” said Sen. Jane Roe (D-Ore.).', 'We need the votes,', {
      speaker: 'Jane Roe',
      speakerMention: 'Sen. Jane Roe (D-Ore.)',
    }),
    version('“We need the votes,” the Democratic senator said.', 'We need the votes,', {
      speaker: 'Jane Roe',
      speakerMention: 'the Democratic senator',
    }),
    'speaker-label-changed',
    "Speaker label changed from 'Sen. Jane Roe (D-Ore.)' to 'the Democratic senator'",
  ],
  [
    'a full quote retold as reported speech',
    version('"We will win," he said.', 'We will win,'),
    version('He said that they would win.', 'they would win', { kind: 'indirect' }),
    'kind-changed',
    'Quote changed from full to indirect',
  ],
];

describe('summarizeChanges', () => {
  it.each(cases)('reports %s', (_name, earlier, later, type, message) => {
    const found = summarizeChanges(earlier, later)
      .changes.filter((c) => c.type === type)
      .map((c) => c.message);
    expect(found).toContain(message);
  });

  it.each([
    [
      'restyled quotes and case',
      version('“We Will Stay,” he said.', 'We Will Stay,'),
      version('"we will stay," he said.', 'we will stay,'),
    ],
    [
      'a cue in another tense',
      version('"We will stay," he says.', 'We will stay,', { cue: 'says' }),
      version('"We will stay," he said.', 'We will stay,', { cue: 'said' }),
    ],
    [
      'a transliterated name with no label',
      version('"We will stay," al-Yasser said.', 'We will stay,', { speaker: 'Firas al-Yasser' }),
      version('"We will stay," al-Yasir said.', 'We will stay,', { speaker: 'Firas al-Yasir' }),
    ],
    [
      'a figure regrouped',
      version('"It cost 2,500 dinars," he said.', 'It cost 2,500 dinars,'),
      version('"It cost 2500 dinars," he said.', 'It cost 2500 dinars,'),
    ],
  ])('reports nothing for %s', (_name, earlier, later) => {
    const summary = summarizeChanges(earlier, later);
    expect(summary.changes).toEqual([]);
    expect(summary.fidelity).toBe(1);
  });

  it('uses the isLoaded option in place of the default list', () => {
    const earlier = version('"The plan failed," he said.', 'The plan failed,');
    const later = version('"The scheme failed," he said.', 'The scheme failed,');
    const isLoaded = (lemma: string) => lemma === 'scheme';
    expect(summarizeChanges(earlier, later).changes.map((c) => c.type)).not.toContain('loaded-added');
    expect(
      summarizeChanges(earlier, later, { isLoaded })
        .changes.filter((c) => c.type === 'loaded-added')
        .map((c) => c.words),
    ).toEqual([['scheme']]);
  });

  it('does not report a loaded word the earlier version already had', () => {
    const earlier = version('"It was a brutal attack," she said.', 'It was a brutal attack,');
    const later = version('"A brutal, brutal attack," she said.', 'A brutal, brutal attack,');
    expect(summarizeChanges(earlier, later).changes.map((c) => c.type)).not.toContain('loaded-added');
  });

  it.each([
    ['keeps all content words', 'Troops must leave Iraq soon', 'troops must leave Iraq soon', 1],
    ['keeps two of three', 'Troops must leave Iraq', 'Troops must leave Syria', 2 / 3],
    ['keeps none', 'Troops must leave', 'Nobody cares', 0],
    ['has no content words to lose', 'and so it is', 'totally new words here', 1],
  ])('scores fidelity when the later version %s', (_name, a, b, fidelity) => {
    expect(summarizeChanges(version(a, a), version(b, b)).fidelity).toBeCloseTo(fidelity, 5);
  });

  it("does not take words of another quote in the window for the writer's", () => {
    const earlier = version('"Troops leave by the end of 2025," he said.', 'Troops leave by the end of 2025,');
    const otherQuote = version(
      '“They leave by the end of 2025,” a rival said. “Troops leave,” he said.',
      'Troops leave,',
    );
    const writer = version('They leave by the end of 2025, he said. “Troops leave,” he said.', 'Troops leave,');
    expect(summarizeChanges(earlier, otherQuote).changes.map((c) => c.type)).not.toContain('moved-out-of-quote');
    expect(summarizeChanges(earlier, writer).changes.map((c) => c.type)).toContain('moved-out-of-quote');
  });

  it('reports nothing and full fidelity for any version compared with itself', () => {
    const word = fc.constantFrom(
      'We',
      'troops',
      'will',
      'not',
      'leave',
      'Iraq',
      'by',
      'March',
      '3',
      '2025',
      '2,500',
      '$40',
      'brutal',
      'firmly',
      'the',
      ',',
      '—',
    );
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, fc.option(fc.constantFrom('said', 'told', 'declared firmly')), (quote, cue) => {
        const v = version(`"${quote}," he ${cue ?? 'said'}.`, quote, { cue });
        const summary = summarizeChanges(v, { ...v });
        expect(summary.changes).toEqual([]);
        expect(summary.fidelity).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps fidelity between 0 and 1 for any pair of versions', () => {
    const word = fc.constantFrom(
      'We',
      'troops',
      'forces',
      'will',
      'not',
      'leave',
      'stay',
      'Iraq',
      'by',
      'June',
      '2025',
      '2,500',
      'brutal',
      'the',
      ',',
    );
    const text = fc.array(word, { maxLength: 10 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { fidelity } = summarizeChanges(version(a, a), version(b, b));
        expect(fidelity).toBeGreaterThanOrEqual(0);
        expect(fidelity).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects quote offsets outside the sentence with a message naming the module', () => {
    const bad = { ...version('"Yes," he said.', 'Yes,'), quoteEnd: 99 };
    expect(() => summarizeChanges(bad, version('"Yes," he said.', 'Yes,'))).toThrow(/^diff:/);
  });
});
