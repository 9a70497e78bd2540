/**
 * `npm run train editorial`: fit the editorial model (word and sentence
 * logistic scorers, src/editorial/training.ts) on MBIC from
 * ../shared/dev/mbic/sentences.jsonl, cross-validate it with the folds of the
 * evaluation, and write data/models/editorial.json with the data's name, the
 * date, the seed and the cross-validated figures. Seeded: the same data gives
 * the same weights. Skips with a message when the data is absent.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MBIC_FOLDS, MBIC_SEED, mbicPath, prepareMbic } from '../bench/eval/mbic.js';
import { crossValidateEditorial, pickF1Threshold, pickSuggestionThreshold } from '../src/editorial/evaluation.js';
import { MIN_EDITORIAL_THRESHOLD, type EditorialModel } from '../src/editorial/model.js';
import { fitEditorialModel } from '../src/editorial/training.js';
import { loadVectors } from '../src/vectors/load.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'data', 'models', 'editorial.json');

const data = prepareMbic();
if (!data) {
  console.log(`train editorial: skipped — ${mbicPath} not found`);
  process.exit(0);
}
const vectors = loadVectors();
console.log(`train editorial: ${data.length} sentences; ${MBIC_FOLDS}-fold cross-validation …`);
// the app's suggestions at every confidence from the lowest a reviewer may choose up to 0.6
const thresholds = Array.from({ length: 41 }, (_, i) => Math.round((MIN_EDITORIAL_THRESHOLD + i / 100) * 100) / 100);
const cv = crossValidateEditorial(data, MBIC_FOLDS, MBIC_SEED, vectors, MIN_EDITORIAL_THRESHOLD, thresholds);
const suggestFrom = pickSuggestionThreshold(cv.sweep);
const f1Best = pickF1Threshold(cv.sweep);
const at = (t: number) => cv.sweep.find((s) => s.threshold === t)!.figures;
const round = (x: number) => Math.round(x * 1000) / 1000;
const fitted = fitEditorialModel(data, MBIC_SEED, vectors);
const model: EditorialModel = {
  data: `MBIC (Spinde et al. 2021, Apache-2.0), sentences.jsonl: ${data.length} sentences, biased_words4 word labels`,
  date: new Date().toISOString().slice(0, 10),
  seed: MBIC_SEED,
  cv: {
    folds: MBIC_FOLDS,
    wordPrecision: round(at(suggestFrom).words.precision),
    wordRecall: round(at(suggestFrom).words.recall),
    wordF1: round(at(suggestFrom).words.f1),
    sentenceMacroF1: round(cv.combined.sentenceMacroF1),
    suggestedFrom: suggestFrom,
    suggestedFromRule: 'lowest confidence at which the suggestions flag no more words than annotators marked',
    f1OptimalThreshold: f1Best,
    f1OptimalWordF1: round(at(f1Best).words.f1),
    sentenceLabels: 'Biased vs Non-biased; No agreement left out',
  },
  ...fitted,
  suggestFrom,
};
for (const { threshold, figures } of cv.sweep)
  console.log(
    `  from ${threshold.toFixed(2)}: word precision ${round(figures.words.precision)}, recall ${round(figures.words.recall)}, F1 ${round(figures.words.f1)} (flagged ${figures.words.tp + figures.words.fp}, marked ${figures.words.tp + figures.words.fn})`,
  );
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `train editorial: suggested from ${suggestFrom} (F1-optimal ${f1Best}): word F1 ${model.cv.wordF1}, sentence macro F1 ${model.cv.sentenceMacroF1}; weights in data/models/editorial.json (${Object.keys(fitted.word.weights).length} word features)`,
);
