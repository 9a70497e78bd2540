/**
 * `npm run train speakers`: train the speaker ranker (a logistic regression,
 * pairing/logistic.ts, over the candidate features of
 * src/quotes/speaker-candidates.ts) on PolNeAR train from ../shared/dev, for
 * the quotations that no rule attributes. A candidate is right when its name
 * matches the annotated source by the evaluation's rule; quotations whose
 * source is only a pronoun are left out. Reports article-grouped 5-fold
 * cross-validated figures beside the sentence rule alone, picks the threshold
 * out of fold, and writes data/models/speakers.json. Seeded: the same data
 * gives the same weights. PolNeAR dev is never read. Skips when the data is absent.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { overlapsEnough } from '../bench/eval/corpus.js';
import { isPronounSource, loadPolnear, polnearDir, speakerMatches } from '../bench/eval/polnear.js';
import { makeFolds } from '../src/editorial/training.js';
import { fitLogistic, predictLogistic, type LogisticModel } from '../src/pairing/logistic.js';
import { listSpeakerCandidates } from '../src/quotes/index.js';
import { CANDIDATE_FEATURES } from '../src/quotes/speaker-candidates.js';

const SEED = 13;
const FOLDS = 5;
const L2 = 1;
const RULE = CANDIDATE_FEATURES.indexOf('ruleChoice');
const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'models', 'speakers.json');

/** One last-resort quotation with a named annotated source: its candidates' features and which are right. */
interface Case {
  article: number;
  x: number[][];
  right: boolean[];
}

const articles = loadPolnear('train');
if (!articles) {
  console.log(`train speakers: skipped — ${polnearDir}/train.jsonl not found`);
  process.exit(0);
}
const cases: Case[] = [];
articles.forEach((article, a) => {
  for (const entry of listSpeakerCandidates(article.text)) {
    const gold = article.attributions.find(
      (g) => g.direct && g.source && g.content.some((c) => overlapsEnough(entry, c)),
    );
    const source = gold?.source?.map((s) => s.text).join(' ');
    if (!source || isPronounSource(source)) continue;
    cases.push({
      article: a,
      x: entry.candidates.map((c) => c.x),
      right: entry.candidates.map((c) => speakerMatches(c.speaker, source)),
    });
  }
});

function fit(rows: Case[]): LogisticModel {
  return fitLogistic(
    CANDIDATE_FEATURES,
    rows.flatMap((c) => c.x.map((x, i) => ({ x, y: c.right[i] }))),
    L2,
  );
}

/** Out-of-fold: for each case, the probability and rightness of the candidate the model ranks first. */
const folds = makeFolds(articles.length, FOLDS, SEED);
const picks: { p: number; right: boolean }[] = [];
for (const fold of folds) {
  const held = new Set(fold);
  const model = fit(cases.filter((c) => !held.has(c.article)));
  for (const c of cases.filter((x) => held.has(x.article))) {
    let best = -1;
    let bestP = -1;
    c.x.forEach((x, i) => {
      const p = predictLogistic(model, x);
      if (p > bestP) {
        bestP = p;
        best = i;
      }
    });
    picks.push({ p: bestP, right: best >= 0 && c.right[best] });
  }
}
// a wrong speaker costs as much as a right one gains: speak where the pick is right at least as often as wrong
let threshold = 0.5;
let bestGain = -Infinity;
for (let t = 0.05; t < 0.951; t += 0.05) {
  const gain = picks.filter((p) => p.p >= t).reduce((s, p) => s + (p.right ? 1 : -1), 0);
  if (gain > bestGain) {
    bestGain = gain;
    threshold = Math.round(t * 100) / 100;
  }
}
const n = cases.length;
const assigned = picks.filter((p) => p.p >= threshold);
const right = assigned.filter((p) => p.right).length;
const ruleAssigned = cases.filter((c) => c.x.some((x) => x[RULE] === 1));
const ruleRight = cases.filter((c) => c.x.some((x, i) => x[RULE] === 1 && c.right[i])).length;
const reachable = cases.filter((c) => c.right.some(Boolean)).length;
const round = (v: number) => Math.round(v * 1000) / 1000;
console.log(
  `PolNeAR train: ${n} quotations no rule attributes whose source is named (${reachable} with the source among the candidates)`,
);
console.log(
  `  ranker (${FOLDS}-fold, by article): right ${right}/${n} (${round(right / n)}), speaks for ${assigned.length}, precision ${round(right / Math.max(1, assigned.length))}, threshold ${threshold}`,
);
console.log(
  `  sentence rule alone: right ${ruleRight}/${n} (${round(ruleRight / n)}), speaks for ${ruleAssigned.length}, precision ${round(ruleRight / Math.max(1, ruleAssigned.length))}`,
);

const model = fit(cases);
const r6 = (v: number) => Number(v.toPrecision(6));
const weights = {
  about:
    'Speaker ranker for quotations no rule attributes: logistic regression over the features of src/quotes/speaker-candidates.ts; written by scripts/train-speakers.ts.',
  data: `PolNeAR v1.0 (Newell, Margolin & Ruths 2018) train split, ${articles.length} articles: ${n} last-resort quotations with a named source`,
  trained: new Date().toISOString().slice(0, 10),
  seed: SEED,
  threshold,
  crossValidation: {
    folds: FOLDS,
    grouping: 'article',
    quotations: n,
    sourceAmongCandidates: reachable,
    rankerRight: right,
    rankerSpeaks: assigned.length,
    rankerAccuracy: round(right / n),
    rankerPrecision: round(right / Math.max(1, assigned.length)),
    ruleRight: ruleRight,
    ruleSpeaks: ruleAssigned.length,
    ruleAccuracy: round(ruleRight / n),
  },
  model: {
    ...model,
    mean: model.mean.map(r6),
    scale: model.scale.map(r6),
    weights: model.weights.map(r6),
    intercept: r6(model.intercept),
  },
};
writeFileSync(out, JSON.stringify(weights, null, 1) + '\n');
console.log(`train speakers: weights written to data/models/speakers.json`);
