import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { alignQuotes, decidePair, prepareQuote, type SpeakerMatch } from '../../src/pairing/index.js';

const vectors = loadVectors();
const decide = (a: string, b: string, speakers: SpeakerMatch = 'unknown') =>
  decidePair(prepareQuote(a, vectors), prepareQuote(b, vectors), speakers);
const altered = (a: string, b: string, speakers: SpeakerMatch = 'unknown') =>
  decide(a, b, speakers).alterations.map((x) => `${x.kind}: ${x.earlier} → ${x.later}`);

describe('relation of two quotes', () => {
  it.each([
    ['verbatim', '“We are ready for every scenario,”', '"We are ready for every scenario."'],
    ['verbatim', 'We’re staying put.', "We're staying put"],
    ['near-verbatim', 'The Council Must Act Now To Stop The Famine.', 'the council must act now to stop the famine'],
    [
      'near-verbatim',
      'The bank will keep rates on hold until the summer.',
      'The bank will keep its rates on hold until the summer.',
    ],
    [
      'trimmed',
      'The port will stay closed until the storm has passed and the cranes have been inspected.',
      'until the storm has passed',
    ],
    ['trimmed', 'a clear and present danger', 'He called the new militia a clear and present danger to the region.'],
    [
      'paraphrase',
      'The minister promised that the new hospital would open before the end of the year.',
      'The new hospital will open before the year is out, the minister pledged.',
    ],
  ])('finds %s: %s ~ %s', (relation, a, b) => {
    const d = decide(a, b);
    expect(d.relation).toBe(relation);
    expect(d.same).toBe(true);
  });

  it('does not call two empty texts verbatim', () => {
    const d = decide('', '');
    expect(d.same).toBe(false);
    expect(d.relation).not.toBe('verbatim');
  });
});

describe('the pairing decision', () => {
  it('pairs a short quote with the part of a long quote it repeats and says which part', () => {
    const d = decide(
      'We have lost contact with the convoy. The drivers were last heard from near the border crossing on Tuesday evening, and rescue teams are on their way.',
      'Rescue teams are heading to the border crossing where the drivers were last heard from.',
    );
    expect(d.same).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/second quote matches part of the first/);
  });

  it('names the word substitutions it found', () => {
    const a = 'Trump must honour his pledges to the Iraqi government.';
    const b = 'Trump must keep the promises he made to the Iraqi government.';
    expect(
      alignQuotes(prepareQuote(a, vectors), prepareQuote(b, vectors)).substitutions.map((x) => `${x.from}→${x.to}`),
    ).toContain('pledges→promises');
    expect(decide(a, b).reasons.some((r) => r.startsWith('substitutions:') && r.includes('pledges → promises'))).toBe(
      true,
    );
  });

  it('gives a calibrated probability that grows with what two quotes share', () => {
    const close = decide(
      'The sanctions have failed to change the regime’s behaviour.',
      'The sanctions have failed to change how the regime behaves.',
    );
    const loose = decide(
      'The sanctions have failed to change the regime’s behaviour.',
      'Sanctions will be reviewed by the council next month.',
    );
    expect(close.score).toBeGreaterThan(loose.score);
    expect(close.score).toBeLessThanOrEqual(1);
    expect(loose.score).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [
      'a changed figure and year',
      'Exports rose by 4 percent in 2023.',
      'Exports rose by 11 percent in 2021.',
      ['amount: 4 percent → 11 percent', 'date: 2023 → 2021'],
    ],
    [
      'a dropped negation',
      'We will not sign the agreement this week.',
      'We will sign the agreement this week.',
      ['negation: not sign → sign'],
    ],
    [
      'a figure put into the same claim',
      'The company must cut 500 jobs by the end of the year.',
      'the company has to cut 1,200 jobs by the end of the year',
      ['number: 500 → 1,200'],
    ],
  ])('pairs a retelling with %s and lists it as altered', (_, a, b, alterations) => {
    const d = decide(a, b, 'same');
    expect(d.same).toBe(true);
    expect(altered(a, b, 'same')).toEqual(alterations);
    expect(d.reasons[0]).toMatch(/^possible misquote/);
  });

  it.each([
    [
      'only a date',
      'The summit opens in Geneva on 12 March 2026.',
      'Our quarterly results will be published on 12 March 2026.',
    ],
    [
      'only names',
      'Macron and Scholz met in Berlin on Friday.',
      'Scholz said Berlin would not send more tanks, Macron said nothing.',
    ],
    [
      'different topics',
      'The river burst its banks overnight and hundreds of homes were flooded.',
      'The central bank cut interest rates for the first time in four years.',
    ],
  ])('does not pair quotes that share %s', (_, a, b) => {
    expect(decide(a, b).same).toBe(false);
  });

  it('pairs reported speech with the direct quote it retells, reworded obligation and shared deadline included', () => {
    const direct =
      'Police are obliged to return the seized passports by June 30, and the court will review every case,';
    const reported = 'police must hand back the confiscated passports by June 30';
    const d = decide(direct, reported, 'same');
    expect(d.same).toBe(true);
    expect(d.alterations).toEqual([]);
    expect(d.reasons.find((r) => r.startsWith('shared in the matched claim:'))).toMatch(/must, June, 30/);
  });

  it.each([
    [
      'a deadline',
      'The army must hand over the border crossings to civilian police by the end of 2025.',
      'the army had to recruit ten thousand new soldiers by the end of 2025',
    ],
    [
      'an obligation to do something else',
      'Hospitals have to publish their waiting times every month.',
      'hospitals must cut waiting times for cancer patients',
    ],
  ])('does not count %s shared outside a matching claim', (_, a, b) => {
    expect(decide(a, b, 'same').reasons.join(' ')).not.toMatch(/shared in the matched claim/);
  });

  it.each([
    ['They must.', 'We have to.'],
    ['They must.', 'The troops must leave the city.'],
  ])('does not pair quotes that hold nothing but an obligation: %s ~ %s', (a, b) => {
    expect(decide(a, b).same).toBe(false);
  });

  it('works without vectors, counting shared words only', () => {
    const d = decidePair(
      prepareQuote('We will not leave Iraq until the job is done.'),
      prepareQuote('We will not leave Iraq until the job is done'),
    );
    expect(d.relation).toBe('verbatim');
    expect(d.same).toBe(true);
  });

  it('scores a pair the same in both directions, alterations turned around', () => {
    const a = 'The occupying forces cannot withstand the strikes of the resistance.';
    const b = 'The occupiers will not be able to withstand our strikes.';
    expect(decide(a, b).score).toBeCloseTo(decide(b, a).score, 6);
    expect(altered('About 2,500 U.S. troops remain.', 'About 25,000 U.S. troops remain.')).toEqual([
      'number: 2,500 → 25,000',
    ]);
    expect(altered('About 25,000 U.S. troops remain.', 'About 2,500 U.S. troops remain.')).toEqual([
      'number: 25,000 → 2,500',
    ]);
  });
});
