/**
 * Evaluation of pairs against the reference annotations. Each quote of the
 * output is mapped to the gold quote its span overlaps most (overlapsEnough
 * after locateGoldSpan). A predicted pair between two quotes that both map to
 * gold quotes and are not `indirect` is counted for precision; a pair that
 * involves an indirect or unmatched quote cannot be judged against the gold
 * file (which lists direct quotations only) and is reported apart, uncounted.
 * Floors: recall >= 0.90, precision >= 0.80.
 */
import { locateGoldSpan, overlapsEnough, scoreCounts, type EvalContext } from './corpus.js';
import type { EvalSection } from './sections.js';

const RECALL_FLOOR = 0.9;
const PRECISION_FLOOR = 0.8;

/** Figures of the pair evaluation, for the section and for tests. */
export interface PairScores {
  goldTotal: number;
  found: number;
  counted: number;
  correct: number;
  uncounted: number;
  relationAgree: number;
  missed: { a: string; b: string; relation: string; why: string }[];
  wrong: { a: string; b: string; score: number; relation: string; textA: string; textB: string }[];
  disagreements: { a: string; b: string; gold: string; predicted: string }[];
  precision: number;
  recall: number;
  f1: number;
}

/** Map every output quote id to the id of the gold quote it overlaps most, if any. */
function mapQuotesToGold(ctx: EvalContext): Map<string, string> {
  const located = ctx.gold.quotes
    .map((g) => ({ g, at: locateGoldSpan(ctx, g.article, g), i: ctx.index.get(g.article) }))
    .filter((x) => x.at !== null && x.i !== undefined);
  const map = new Map<string, string>();
  for (const q of ctx.output.quotes) {
    let best: { id: string; overlap: number } | null = null;
    for (const { g, at, i } of located) {
      if (i !== q.article || !at || !overlapsEnough(q, at)) continue;
      const overlap = Math.min(q.end, at.end) - Math.max(q.start, at.start);
      if (!best || overlap > best.overlap) best = { id: g.id, overlap };
    }
    if (best) map.set(q.id, best.id);
  }
  return map;
}

/** Score the pipeline's pairs against the reference pairs. */
export function scorePairs(ctx: EvalContext): PairScores {
  const toGold = mapQuotesToGold(ctx);
  const quotes = new Map(ctx.output.quotes.map((q) => [q.id, q]));
  const key = (a: string, b: string) => [a, b].sort().join('|');
  const gold = new Map(ctx.gold.pairs.map((p) => [key(p.a, p.b), p]));
  const foundRelations = new Map<string, string>();
  const wrong: PairScores['wrong'] = [];
  let counted = 0;
  let correct = 0;
  let uncounted = 0;
  for (const p of ctx.output.pairs) {
    const qa = quotes.get(p.a);
    const qb = quotes.get(p.b);
    const ga = toGold.get(p.a);
    const gb = toGold.get(p.b);
    if (!qa || !qb || !ga || !gb || qa.kind === 'indirect' || qb.kind === 'indirect') {
      uncounted += 1;
      continue;
    }
    counted += 1;
    const k = key(ga, gb);
    if (gold.has(k)) {
      correct += 1;
      if (!foundRelations.has(k)) foundRelations.set(k, p.relation);
    } else {
      wrong.push({ a: ga, b: gb, score: p.score, relation: p.relation, textA: qa.text, textB: qb.text });
    }
  }
  const extracted = new Set(toGold.values());
  const missed: PairScores['missed'] = [];
  const disagreements: PairScores['disagreements'] = [];
  let relationAgree = 0;
  for (const [k, g] of gold) {
    const predicted = foundRelations.get(k);
    if (predicted === undefined) {
      const lost = [g.a, g.b].filter((id) => !extracted.has(id));
      missed.push({
        a: g.a,
        b: g.b,
        relation: g.relation,
        why: lost.length ? `quote not extracted: ${lost.join(', ')}` : 'not paired',
      });
    } else if (predicted === g.relation) relationAgree += 1;
    else disagreements.push({ a: g.a, b: g.b, gold: g.relation, predicted });
  }
  const found = foundRelations.size;
  const { recall } = scoreCounts(found, counted, gold.size);
  const precision = counted ? correct / counted : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    goldTotal: gold.size,
    found,
    counted,
    correct,
    uncounted,
    relationAgree,
    missed,
    wrong,
    disagreements,
    precision,
    recall,
    f1,
  };
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

export const pairsSection: EvalSection = {
  name: 'Pairs',
  run(ctx) {
    const s = scorePairs(ctx);
    const lines = [
      'Predicted pairs are mapped to gold quotes by span overlap. Pairs between two quotes that both match gold',
      'quotations (and are not indirect) are judged; pairs involving an indirect or unmatched quote are reported',
      'apart and not counted, since the reference lists direct quotations only.',
      `gold pairs: ${s.goldTotal}, found: ${s.found}; judged predictions: ${s.counted}, correct: ${s.correct}; not judged (indirect/unmatched): ${s.uncounted}`,
      `precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`,
      `relation agreement on found pairs: ${s.relationAgree}/${s.found}`,
      ...s.missed.map((m) => `  missed ${m.a}–${m.b} (${m.relation}): ${m.why}`),
      ...s.wrong.map(
        (w) => `  wrong ${w.a}–${w.b} ${w.score.toFixed(2)} ${w.relation}: "${short(w.textA)}" ~ "${short(w.textB)}"`,
      ),
      ...s.disagreements.map((d) => `  relation ${d.a}–${d.b}: gold ${d.gold}, predicted ${d.predicted}`),
    ];
    const failures: string[] = [];
    if (s.recall < RECALL_FLOOR) failures.push(`pair recall ${s.recall.toFixed(3)} < ${RECALL_FLOOR}`);
    if (s.precision < PRECISION_FLOOR) failures.push(`pair precision ${s.precision.toFixed(3)} < ${PRECISION_FLOOR}`);
    return { lines, failures };
  },
};
