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
import { crossValidateEditorial } from '../src/editorial/evaluation.js';
import type { EditorialModel } from '../src/editorial/model.js';
import { DEFAULT_EDITORIAL_THRESHOLD } from '../src/editorial/trained-model.js';
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
const cv = crossValidateEditorial(data, MBIC_FOLDS, MBIC_SEED, vectors, DEFAULT_EDITORIAL_THRESHOLD);
const round = (x: number) => Math.round(x * 1000) / 1000;
const fitted = fitEditorialModel(data, MBIC_SEED, vectors);
const model: EditorialModel = {
  data: `MBIC (Spinde et al. 2021, Apache-2.0), sentences.jsonl: ${data.length} sentences, biased_words4 word labels`,
  date: new Date().toISOString().slice(0, 10),
  seed: MBIC_SEED,
  cv: {
    folds: MBIC_FOLDS,
    wordPrecision: round(cv.combined.words.precision),
    wordRecall: round(cv.combined.words.recall),
    wordF1: round(cv.combined.words.f1),
    sentenceMacroF1: round(cv.combined.sentenceMacroF1),
    suggestedFrom: DEFAULT_EDITORIAL_THRESHOLD,
    sentenceLabels: 'Biased vs Non-biased; No agreement left out',
  },
  ...fitted,
};
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `train editorial: word F1 ${model.cv.wordF1}, sentence macro F1 ${model.cv.sentenceMacroF1}; weights in data/models/editorial.json (${Object.keys(fitted.word.weights).length} word features)`,
);
