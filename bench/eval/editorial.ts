/**
 * Evaluation of editorial spans against the reference annotations: recall on
 * core spans, precision against all annotated spans (core or arguable),
 * category and voice agreement on matches, and the writer-voice density of
 * each sample article. Floors: core recall >= 0.80, and the opinion piece
 * (001) has the highest writer density, at least 3x each news piece (000, 004).
 */
import { measureDensity } from '../../src/editorial/index.js';
import { locateGoldSpan, overlapsEnough, scoreCounts, type EvalContext } from './corpus.js';
import type { EvalSection } from './sections.js';

const RECALL_FLOOR = 0.8;
const OPINION = '001';
const NEWS = ['000', '004'];
const DENSITY_RATIO = 3;

/** Figures of the editorial evaluation, for the section and for tests. */
export interface EditorialScores {
  coreFound: number;
  coreTotal: number;
  coreMissing: { article: string; category: string; text: string }[];
  predicted: number;
  correct: number;
  wrong: { article: string; category: string; text: string }[];
  categoryAgree: number;
  voiceAgree: number;
  matched: number;
  writerDensity: Map<string, number>;
  recall: number;
  precision: number;
}

/** Score the pipeline's editorial spans against the reference annotations. */
export function scoreEditorial(ctx: EvalContext): EditorialScores {
  const located = ctx.gold.editorial
    .map((g) => ({ g, at: locateGoldSpan(ctx, g.article, g) }))
    .filter((x): x is { g: (typeof x)['g']; at: { start: number; end: number } } => x.at !== null);
  const coreMissing: EditorialScores['coreMissing'] = [];
  let coreFound = 0;
  let coreTotal = 0;
  let categoryAgree = 0;
  let voiceAgree = 0;
  let matched = 0;
  for (const g of ctx.gold.editorial.filter((x) => x.strength === 'core')) {
    coreTotal += 1;
    const at = located.find((x) => x.g === g)?.at;
    const i = ctx.index.get(g.article);
    const hits = at && i !== undefined ? ctx.items[i].editorial.filter((p) => overlapsEnough(p, at)) : [];
    if (hits.length === 0) {
      coreMissing.push({ article: g.article, category: g.category, text: g.text });
      continue;
    }
    coreFound += 1;
  }
  const wrong: EditorialScores['wrong'] = [];
  let predicted = 0;
  let correct = 0;
  const writerDensity = new Map<string, number>();
  for (const [key, i] of ctx.index) {
    const item = ctx.items[i];
    const goldHere = located.filter((x) => x.g.article === key);
    for (const p of item.editorial) {
      predicted += 1;
      const match = goldHere.find((x) => overlapsEnough(p, x.at));
      if (!match) {
        wrong.push({ article: key, category: p.category, text: p.text });
        continue;
      }
      correct += 1;
      matched += 1;
      if (match.g.category === p.category) categoryAgree += 1;
      if (match.g.voice === p.voice) voiceAgree += 1;
    }
    writerDensity.set(key, measureDensity(item.editorial, item.article.wordCount).writer);
  }
  const recall = coreTotal ? coreFound / coreTotal : 0;
  const { precision } = scoreCounts(correct, predicted, 0);
  return {
    coreFound,
    coreTotal,
    coreMissing,
    predicted,
    correct,
    wrong,
    categoryAgree,
    voiceAgree,
    matched,
    writerDensity,
    recall,
    precision,
  };
}

/** List the broken floors of a score. */
export function checkEditorialFloors(s: EditorialScores): string[] {
  const failures: string[] = [];
  if (s.recall < RECALL_FLOOR) failures.push(`editorial core recall ${s.recall.toFixed(3)} < ${RECALL_FLOOR}`);
  const opinion = s.writerDensity.get(OPINION);
  if (opinion === undefined) {
    failures.push(`editorial: sample ${OPINION} missing`);
    return failures;
  }
  for (const [key, d] of s.writerDensity) {
    if (key !== OPINION && d >= opinion)
      failures.push(
        `editorial writer density of ${key} (${d.toFixed(1)}) is not below the opinion piece ${OPINION} (${opinion.toFixed(1)})`,
      );
  }
  for (const key of NEWS) {
    const d = s.writerDensity.get(key) ?? 0;
    if (opinion < DENSITY_RATIO * d)
      failures.push(
        `editorial writer density of ${OPINION} (${opinion.toFixed(1)}) is under ${DENSITY_RATIO}x that of ${key} (${d.toFixed(1)})`,
      );
  }
  return failures;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

export const editorialSection: EvalSection = {
  name: 'Editorial language',
  run(ctx) {
    const s = scoreEditorial(ctx);
    const lines = [
      `core recall: ${s.coreFound}/${s.coreTotal} = ${s.recall.toFixed(3)} (floor ${RECALL_FLOOR})`,
      `precision (overlaps any annotated span): ${s.correct}/${s.predicted} = ${s.precision.toFixed(3)}`,
      `category agreement on matched spans: ${s.categoryAgree}/${s.matched} = ${pct(s.categoryAgree, s.matched)}`,
      `voice agreement on matched spans: ${s.voiceAgree}/${s.matched} = ${pct(s.voiceAgree, s.matched)}`,
      `writer-voice density (spans per 1,000 words): ${[...s.writerDensity].map(([k, d]) => `${k} ${d.toFixed(1)}`).join(', ')}`,
      ...s.coreMissing.map((m) => `  missed core ${m.article} ${m.category}: ${JSON.stringify(m.text)}`),
      ...s.wrong.map((w) => `  unmatched ${w.article} ${w.category}: ${JSON.stringify(w.text)}`),
    ];
    return { lines, failures: checkEditorialFloors(s) };
  },
};
