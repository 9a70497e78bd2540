/**
 * `npm run train pairing`: train the pairing decision (a logistic regression
 * over pairing/pair-features.ts) on msrp/train from ../shared/dev and our own
 * tables in test/fixtures/pairing/, report 10-fold cross-validated figures
 * beside the tuned word-overlap baseline, and write data/models/pairing.json.
 * Seeded: the same data gives the same weights. Skips when msrp is absent.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVectors } from '../src/vectors/load.js';
import type { LogisticModel } from '../src/pairing/index.js';
import { crossValidate, fitPairing, summarize, TRAINING } from '../bench/eval/pairing-cv.js';
import { measureCandidates, measureMsrp, measureOwnTables, msrpPath } from '../bench/eval/pairing-data.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'models', 'pairing.json');
const vectors = loadVectors();
const msrp = measureMsrp(vectors);
if (!msrp) {
  console.log(`train pairing: skipped — ${msrpPath} not found`);
  process.exit(0);
}
const rows = [...msrp, ...measureOwnTables(vectors), ...measureCandidates(vectors, TRAINING.seed)];
const cv = crossValidate(rows);
const m = summarize(rows, cv, 'msrp');
const round = (v: number) => Math.round(v * 1000) / 1000;
console.log(`msrp/train, ${TRAINING.folds}-fold cross-validation (${m.model.n} pairs):`);
console.log(`  retold   accuracy ${round(m.model.accuracy)}  F1 ${round(m.model.f1)}  AUC ${round(m.model.auc)}`);
console.log(
  `  Jaccard  accuracy ${round(m.baseline.accuracy)}  F1 ${round(m.baseline.f1)}  AUC ${round(m.baseline.auc)}`,
);
for (const source of ['statements', 'misquotes'] as const) {
  const s = summarize(rows, cv, source).model;
  console.log(
    `  ${source} table (out of fold): accuracy ${round(s.accuracy)}  precision ${round(s.precision)}  recall ${round(s.recall)}`,
  );
}
const { model, threshold } = fitPairing(rows);
/** Six significant digits are plenty for weights and keep the file small and readable. */
function roundModel(m: LogisticModel): LogisticModel {
  const r = (v: number) => Number(v.toPrecision(6));
  return { ...m, mean: m.mean.map(r), scale: m.scale.map(r), weights: m.weights.map(r), intercept: r(m.intercept) };
}

const weights = {
  about:
    'Pairing decision: logistic regression over the features of src/pairing/pair-features.ts; written by scripts/train-pairing.ts.',
  data: [
    'msrp/train (Microsoft Research Paraphrase Corpus, train split, 4,076 pairs)',
    'test/fixtures/pairing/statement-pairs.json',
    'test/fixtures/pairing/misquotes.json',
    "candidates made from msrp/train (other pairs' sentences, fragments), seeded",
  ],
  trained: new Date().toISOString().slice(0, 10),
  seed: TRAINING.seed,
  threshold: round(threshold),
  settings: TRAINING,
  crossValidation: {
    folds: TRAINING.folds,
    msrpAccuracy: round(m.model.accuracy),
    msrpF1: round(m.model.f1),
    msrpAuc: round(m.model.auc),
    baselineAccuracy: round(m.baseline.accuracy),
    baselineF1: round(m.baseline.f1),
    baselineAuc: round(m.baseline.auc),
  },
  model: { partBelow: model.partBelow, whole: roundModel(model.whole), part: roundModel(model.part) },
};
writeFileSync(out, JSON.stringify(weights, null, 1) + '\n');
console.log(`threshold ${round(threshold)}; weights written to data/models/pairing.json`);
