import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { PAIR_THRESHOLD, prepareStatement, scoreFeatures, type SpeakerMatch } from '../../src/pairing/index.js';

const vectors = loadVectors();
const score = (a: string, b: string, speakers: SpeakerMatch = 'unknown') =>
  scoreFeatures(prepareStatement(a, vectors), prepareStatement(b, vectors), speakers);

describe('relation of two statements', () => {
  it.each([
    ['verbatim', '“We are ready for every scenario,”', '"We are ready for every scenario."'],
    ['verbatim', 'We’re staying put.', "We're staying put"],
    ['near-verbatim', 'The Council Must Act Now To Stop The Famine.', 'the council must act now to stop the famine'],
    ['near-verbatim', 'The bank will keep rates on hold until the summer.', 'The bank will keep its rates on hold until the summer.'],
    ['trimmed', 'The port will stay closed until the storm has passed and the cranes have been inspected.', 'until the storm has passed'],
    ['trimmed', 'a clear and present danger', 'He called the new militia a clear and present danger to the region.'],
    ['paraphrase', 'The minister promised that the new hospital would open before the end of the year.', 'The new hospital will open before the year is out, the minister pledged.'],
  ])('finds %s: %s ~ %s', (relation, a, b) => {
    const s = score(a, b);
    expect(s.relation).toBe(relation);
    expect(s.score).toBeGreaterThanOrEqual(PAIR_THRESHOLD);
  });
});

describe('scoring', () => {
  it('pairs a short quote with the part of a long quote it repeats and says which part', () => {
    const s = score(
      'We have lost contact with the convoy. The drivers were last heard from near the border crossing on Tuesday evening, and rescue teams are on their way.',
      'Rescue teams are heading to the border crossing where the drivers were last heard from.',
    );
    expect(s.score).toBeGreaterThanOrEqual(PAIR_THRESHOLD);
    expect(s.reasons.join(' ')).toMatch(/second statement matches part of the first/);
  });

  it('names the word substitutions it found', () => {
    const s = score('Trump must honour his pledges to the Iraqi government.', 'Trump must keep the promises he made to the Iraqi government.');
    expect(s.substitutions.map((x) => `${x.from}→${x.to}`)).toContain('pledges→promises');
    expect(s.reasons.some((r) => r.startsWith('substitutions:') && r.includes('pledges → promises'))).toBe(true);
  });

  it('raises the score for the same speaker and lowers it for a different known speaker', () => {
    const a = 'The sanctions have failed to change the regime’s behaviour.';
    const b = 'Sanctions did not change how the regime behaves.';
    const unknown = score(a, b).score;
    expect(score(a, b, 'same').score).toBeGreaterThan(unknown);
    expect(score(a, b, 'different').score).toBeLessThan(unknown);
  });

  it.each([
    ['different figures', 'Exports rose by 4 percent in 2023.', 'Exports rose by 11 percent in 2021.', /numbers or dates differ/],
    ['a negated claim', 'We will sign the agreement this week.', 'We will not sign the agreement this week.', /negation differs/],
  ])('lowers the score for %s and says so', (_, a, b, reason) => {
    const s = score(a, b);
    expect(s.reasons.join(' ')).toMatch(reason);
    expect(s.score).toBeLessThan(PAIR_THRESHOLD);
  });

  it.each([
    ['only a date', 'The summit opens in Geneva on 12 March 2026.', 'Our quarterly results will be published on 12 March 2026.'],
    ['only names', 'Macron and Scholz met in Berlin on Friday.', 'Scholz said Berlin would not send more tanks, Macron said nothing.'],
    ['different topics', 'The river burst its banks overnight and hundreds of homes were flooded.', 'The central bank cut interest rates for the first time in four years.'],
  ])('does not pair statements that share %s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(PAIR_THRESHOLD);
  });

  it('pairs reported speech with the direct quote it retells, reworded obligation and shared deadline included', () => {
    const direct = 'Police are obliged to return the seized passports by June 30, and the court will review every case,';
    const reported = 'police must hand back the confiscated passports by June 30';
    const s = score(direct, reported, 'same');
    expect(s.score).toBeGreaterThanOrEqual(PAIR_THRESHOLD);
    expect(s.reasons.find((r) => r.startsWith('shared in the matched claim:'))).toMatch(/must, June, 30/);
    // without the deadline and the obligation the same words say less
    const bare = score('Police return the seized passports, and the court will review every case,', 'police hand back the confiscated passports', 'same');
    expect(s.score).toBeGreaterThan(bare.score);
  });

  it.each([
    ['a deadline', 'The army must hand over the border crossings to civilian police by the end of 2025.', 'the army had to recruit ten thousand new soldiers by the end of 2025'],
    ['an obligation to do something else', 'Hospitals have to publish their waiting times every month.', 'hospitals must cut waiting times for cancer patients'],
  ])('does not count %s shared outside a matching claim', (_, a, b) => {
    expect(score(a, b, 'same').reasons.join(' ')).not.toMatch(/shared in the matched claim/);
  });

  it('keeps statements apart that put different figures into the same claim', () => {
    const s = score('The company must cut 500 jobs by the end of the year.', 'the company has to cut 1,200 jobs by the end of the year', 'same');
    expect(s.reasons.join(' ')).toMatch(/numbers or dates differ: 500 \/ 1,200/);
    expect(s.score).toBeLessThan(PAIR_THRESHOLD);
  });

  it.each([
    ['They must.', 'We have to.'],
    ['They must.', 'The troops must leave the city.'],
  ])('scores statements that hold nothing but an obligation: %s ~ %s', (a, b) => {
    expect(score(a, b).score).toBeLessThan(PAIR_THRESHOLD);
  });

  it('works without vectors, counting shared words only', () => {
    const s = scoreFeatures(prepareStatement('We will not leave Iraq until the job is done.'), prepareStatement('We will not leave Iraq until the job is done'));
    expect(s.relation).toBe('verbatim');
    expect(s.score).toBe(1);
  });

  it('scores a pair the same in both directions', () => {
    const a = 'The occupying forces cannot withstand the strikes of the resistance.';
    const b = 'The occupiers will not be able to withstand our strikes.';
    expect(score(a, b).score).toBeCloseTo(score(b, a).score, 6);
  });
});
