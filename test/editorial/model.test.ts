import { describe, expect, it } from 'vitest';
import { tagText } from '../../src/editorial/index.js';
import { fitLogistic, predictLogistic } from '../../src/editorial/logistic.js';
import { DEFAULT_EDITORIAL_THRESHOLD, editorialModel, withTrainedModel } from '../../src/editorial/trained-model.js';
import { computeMacroF1, makeFolds, splitWords } from '../../src/editorial/training.js';
import { loadVectors } from '../../src/vectors/load.js';

const options = withTrainedModel(loadVectors());

describe('the trained editorial model (data/models/editorial.json)', () => {
  it('names its data, date, seed and cross-validated figures', () => {
    expect(editorialModel.data).toMatch(/MBIC/);
    expect(editorialModel.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isInteger(editorialModel.seed)).toBe(true);
    expect(editorialModel.cv.wordF1).toBeGreaterThan(0);
    expect(editorialModel.word.threshold).toBeGreaterThan(0);
    expect(editorialModel.sentence.threshold).toBeLessThan(1);
  });

  it('flags loaded words no lexicon lists, with a category and a confidence', () => {
    const { spans } = tagText(
      'The radical left slammed the bill as a disastrous attack on hardworking families.',
      options,
    );
    const byText = new Map(spans.map((s) => [s.text, s]));
    expect(byText.get('disastrous')?.rule).toBe('model');
    expect(byText.get('radical')?.category).toBe('loaded-label');
    for (const s of spans.filter((x) => x.rule === 'model'))
      expect(s.confidence).toBeGreaterThanOrEqual(DEFAULT_EDITORIAL_THRESHOLD);
  });

  it('keeps lexicon spans whatever their confidence, and gives them one', () => {
    const { spans } = tagText('The occupiers brazenly ignored the ruling.', options);
    const occupiers = spans.find((s) => s.text === 'occupiers');
    expect(occupiers?.rule).toBe('lexicon');
    expect(occupiers?.confidence).toBeGreaterThan(0);
  });

  it('scores a loaded sentence as more biased than a wire sentence', () => {
    const loaded = tagText('The regime’s thugs brutally crushed peaceful protesters.', options).sentences[0].bias;
    const wire = tagText('Oil prices rose 2% on Monday after OPEC+ announced a cut in output.', options).sentences[0]
      .bias;
    expect(loaded).toBeGreaterThan(editorialModel.sentence.threshold);
    expect(wire).toBeLessThan(editorialModel.sentence.threshold);
  });

  it('flags no word of a plain wire sentence', () => {
    expect(tagText('The city council will vote on the budget on Tuesday, a spokeswoman said.', options).spans).toEqual(
      [],
    );
  });
});

describe('training helpers', () => {
  it('counts hyphenated and apostrophe words as one word', () => {
    expect(splitWords('A quasi-militarized force, they don’t say.').map((w) => w.lower)).toEqual([
      'a',
      'quasi-militarized',
      'force',
      'they',
      'don’t',
      'say',
    ]);
  });

  it('makes the same folds from the same seed, covering every item once', () => {
    const a = makeFolds(23, 5, 7);
    expect(makeFolds(23, 5, 7)).toEqual(a);
    expect(a.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('computes macro F1 over both classes', () => {
    expect(
      computeMacroF1([
        [1, 1],
        [0, 0],
      ]),
    ).toBe(1);
    expect(
      computeMacroF1([
        [1, 1],
        [1, 0],
      ]),
    ).toBeCloseTo((2 / 3 + 0) / 2);
  });

  it('fits a separable problem and is reproducible', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      keys: ['bias', i % 2 ? 'good' : 'bad'],
      values: [1, 1],
      vector: undefined,
    }));
    const labels = rows.map((_, i) => i % 2);
    const opts = { seed: 1, epochs: 30, l2: 0, rate: 0.5, positiveWeight: 1, dimensions: 0 };
    const w = fitLogistic(rows, labels, opts);
    expect(fitLogistic(rows, labels, opts)).toEqual(w);
    expect(predictLogistic(w, rows[1])).toBeGreaterThan(0.9);
    expect(predictLogistic(w, rows[0])).toBeLessThan(0.1);
  });
});

describe('suggestions at a confidence', () => {
  const text = 'The radical left slammed the bill as a disastrous attack on hardworking families.';
  it('suggests fewer model words at a higher confidence, never dropping lexicon spans', () => {
    const low = tagText(text, withTrainedModel(loadVectors(), 0.2)).spans;
    const high = tagText(text, withTrainedModel(loadVectors(), 0.9)).spans;
    expect(high.length).toBeLessThan(low.length);
    expect(high.filter((s) => s.rule === 'model')).toEqual([]);
    expect(high.map((s) => s.text)).toContain('slammed');
  });
});
