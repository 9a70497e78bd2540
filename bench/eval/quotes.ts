/**
 * Evaluation of direct quotations (kinds full, partial, scare) against the
 * reference annotations: precision, recall and F1 of spans (a quote is found
 * when the spans overlap by at least half of the shorter, matched one to
 * one), kind accuracy and speaker accuracy over matched quotes whose
 * reference speaker is named. Indirect speech is not in the reference and is
 * not scored. Floors: F1 >= 0.90, speaker accuracy >= 0.90, and no span the
 * reference lists under not_quotes reported as a quotation.
 *
 * Speakers are compared two ways: by name ignoring case, a leading "the" and
 * `al-`/`el-` (strict), and by speakerKey, which also accepts
 * transliteration variants (al-Yasir for al-Yasser). The floor applies to the
 * second: an article that spells a name differently from the reference is
 * right to keep its own spelling.
 */
import { speakerKey } from '../../src/speakers/index.js';
import { locateGoldSpan, overlapsEnough, scoreCounts, type EvalContext } from './corpus.js';
import type { EvalSection } from './sections.js';

const F1_FLOOR = 0.9;
const SPEAKER_FLOOR = 0.9;
const DIRECT = new Set(['full', 'partial', 'scare']);

/** Figures of the quotes evaluation, for the section and for tests. */
export interface QuoteScores {
  expected: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  kindAgree: number;
  speakerScored: number;
  speakerStrict: number;
  speakerKeyed: number;
  missed: { article: string; text: string }[];
  spurious: { article: string; text: string }[];
  wrongSpeaker: { article: string; text: string; expected: string; got: string | null }[];
  notQuotesReported: { article: string; text: string }[];
}

/** Fold a name for the strict comparison: case, a leading "the", al-/el- prefixes. */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\b(al|el)-/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Score the direct quotations of the analysis against the reference. */
export function scoreQuotes(ctx: EvalContext): QuoteScores {
  const keyOf = new Map<number, string>();
  for (const [key, i] of ctx.index) keyOf.set(i, key);
  const predicted = ctx.output.quotes.filter((q) => DIRECT.has(q.kind));
  const used = new Set<string>();
  const s: QuoteScores = {
    expected: ctx.gold.quotes.length,
    predicted: predicted.length,
    matched: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    kindAgree: 0,
    speakerScored: 0,
    speakerStrict: 0,
    speakerKeyed: 0,
    missed: [],
    spurious: [],
    wrongSpeaker: [],
    notQuotesReported: [],
  };
  for (const g of ctx.gold.quotes) {
    const span = locateGoldSpan(ctx, g.article, g);
    const article = ctx.index.get(g.article);
    let best: (typeof predicted)[number] | null = null;
    let bestOverlap = 0;
    if (span && article !== undefined) {
      for (const q of predicted) {
        if (q.article !== article || used.has(q.id) || !overlapsEnough(q, span)) continue;
        const overlap = Math.min(q.end, span.end) - Math.max(q.start, span.start);
        if (overlap > bestOverlap) {
          best = q;
          bestOverlap = overlap;
        }
      }
    }
    if (!best) {
      s.missed.push({ article: g.article, text: g.text });
      continue;
    }
    used.add(best.id);
    s.matched += 1;
    if (best.kind === g.kind) s.kindAgree += 1;
    if (g.speaker === null) continue;
    s.speakerScored += 1;
    const accepted = [g.speaker, ...(g.speaker_aliases ?? [])];
    const got = best.speaker;
    const strict = got !== null && accepted.some((a) => foldName(a) === foldName(got));
    const keyed = got !== null && accepted.some((a) => speakerKey(a) === speakerKey(got));
    if (strict) s.speakerStrict += 1;
    if (keyed || strict) s.speakerKeyed += 1;
    else s.wrongSpeaker.push({ article: g.article, text: g.text.slice(0, 60), expected: g.speaker, got });
  }
  for (const q of predicted)
    if (!used.has(q.id))
      s.spurious.push({ article: keyOf.get(q.article) ?? String(q.article), text: q.text.slice(0, 60) });
  // a name in marks counts as reported when a direct quote is essentially that span
  for (const n of ctx.gold.not_quotes) {
    const article = ctx.index.get(n.article);
    const hit = predicted.find(
      (q) => q.article === article && q.text.replace(/[\s.,;:!?»«“”"]+$/u, '').trim() === n.text,
    );
    if (hit) s.notQuotesReported.push({ article: n.article, text: n.text });
  }
  Object.assign(s, scoreCounts(s.matched, s.predicted, s.expected));
  return s;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The quotes section of `npm run eval`. */
export const quotesSection: EvalSection = {
  name: 'Quotes and speakers (direct quotations)',
  run(ctx) {
    const s = scoreQuotes(ctx);
    // the floor uses names as the issue defines it (case and `al-` aside); the
    // analysis resolves spelling variants across articles to one speaker entity
    const speakerAccuracy = s.speakerScored ? s.speakerStrict / s.speakerScored : 0;
    const lines = [
      `quotes: ${s.matched} matched of ${s.expected} expected, ${s.predicted} predicted`,
      `precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`,
      `kind accuracy ${pct(s.matched ? s.kindAgree / s.matched : 0)} (${s.kindAgree}/${s.matched})`,
      `speaker accuracy ${pct(speakerAccuracy)} (${s.speakerStrict}/${s.speakerScored}, by name, case and al- aside); with transliteration variants accepted ${pct(s.speakerScored ? s.speakerKeyed / s.speakerScored : 0)} (${s.speakerKeyed}/${s.speakerScored})`,
      ...s.missed.map((m) => `  missed [${m.article}] ${m.text.slice(0, 60)}`),
      ...s.spurious.map((m) => `  spurious [${m.article}] ${m.text}`),
      ...s.wrongSpeaker.map(
        (w) => `  speaker [${w.article}] expected ${w.expected}, got ${w.got ?? 'none'}: ${w.text}`,
      ),
    ];
    const failures: string[] = [];
    if (s.f1 < F1_FLOOR) failures.push(`quotes: F1 ${pct(s.f1)} below ${pct(F1_FLOOR)}`);
    if (speakerAccuracy < SPEAKER_FLOOR)
      failures.push(`quotes: speaker accuracy ${pct(speakerAccuracy)} below ${pct(SPEAKER_FLOOR)}`);
    for (const n of s.notQuotesReported)
      failures.push(`quotes: [${n.article}] "${n.text}" is a name in marks, reported as a quote`);
    return { lines, failures };
  },
};
