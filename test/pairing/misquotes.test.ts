/**
 * The misquote table (test/fixtures/pairing/misquotes.json): every retelling
 * with a changed figure, amount, date, negation, name or quantity pairs and
 * lists that alteration, and so does a trim whose later sentence changes what
 * its kept words say (`context`); faithful trims pair with nothing altered,
 * in a neutral sentence too; one speaker's different claims do not pair. The table is part of the pairing
 * model's training data, so these are floors on what the app decides, not
 * held-out figures (npm run eval reports them cross-validated).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/vectors/load.js';
import { decidePairInContext, prepareQuote, type Alteration } from '../../src/pairing/index.js';
import { prepareLater } from '../../bench/eval/pairing-data.js';

interface Row {
  id: string;
  kind: string;
  same: boolean;
  a: string;
  b: string;
  altered: Alteration[];
  later?: string;
}
const table = JSON.parse(readFileSync(new URL('../fixtures/pairing/misquotes.json', import.meta.url), 'utf8')) as {
  pairs: Row[];
};
const vectors = loadVectors();
const decided = table.pairs.map((r) => ({
  r,
  d: decidePairInContext(prepareQuote(r.a, vectors), prepareLater(r, vectors), 'same'),
}));
const misquotes = decided.filter((x) => x.r.altered.length > 0);
const faithful = decided.filter((x) => x.r.kind === 'faithful');
const different = decided.filter((x) => !x.r.same);

describe('misquote table', () => {
  it('holds at least 60 pairs of every kind', () => {
    expect(table.pairs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(table.pairs.map((r) => r.kind))).toEqual(
      new Set(['number', 'amount', 'date', 'negation', 'name', 'quantity', 'context', 'faithful', 'different-claim']),
    );
  });

  it('holds trims in a sentence that changes their words and trims in neutral sentences, at least 6', () => {
    const inSentence = table.pairs.filter((r) => r.later !== undefined);
    expect(inSentence.filter((r) => r.kind === 'context').length).toBeGreaterThanOrEqual(6);
    expect(inSentence.filter((r) => r.kind === 'faithful').length).toBeGreaterThanOrEqual(6);
  });

  it('pairs at least 95% of misquotes and lists exactly the alteration made', () => {
    const right = misquotes.filter((x) => x.d.same && JSON.stringify(x.d.alterations) === JSON.stringify(x.r.altered));
    expect(
      right.length / misquotes.length,
      misquotes
        .filter((x) => !right.includes(x))
        .map((x) => `${x.r.id} ${JSON.stringify(x.d.alterations)}`)
        .join('\n'),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('pairs at least 95% of faithful trims with nothing altered', () => {
    const right = faithful.filter((x) => x.d.same && x.d.alterations.length === 0);
    expect(right.length / faithful.length).toBeGreaterThanOrEqual(0.95);
  });

  it('does not pair a speaker’s different claims', () => {
    expect(different.filter((x) => x.d.same).map((x) => x.r.id)).toEqual([]);
  });
});
