/**
 * pairing: an exact upper bound of the decision before the window alignment.
 * The features that need no alignment are computed first; the alignment's
 * own features all follow from a few figures — recall r and precision p of
 * the best window (support included), the matched weight, whether only names
 * correspond — so over a grid of (r, p) cells, each alignment feature taken
 * at the end of its range that its weight prefers, the model's score is
 * bounded from above. When even that stays under the threshold (and the
 * hand-set rule of decide.ts cannot fire), the pair is rejected without
 * aligning: the same decision, for a fraction of the cost (issue 14: "window
 * alignment only where a cheap bound says it can matter"). measureQuotes asks
 * three times, each tighter and dearer: from the word overlaps alone; with
 * recall and precision limited by the word similarities; with the best window
 * found, only the support of shared values unknown (which skips the support,
 * the alterations and the reasons). The bound never makes a pair; it only
 * says when one cannot be made.
 */
import type { LogisticModel } from './logistic.js';
import type { PairingWeights } from './model.js';
import { EVIDENCE_HALF, FEATURE_NAMES } from './feature-names.js';
import { isPartRetold } from './split-model.js';
import type { ContentWord, QuoteFeatures } from './features.js';
import { profileQuote } from './quote-profile.js';
import type { SpeakerMatch } from '../speakers/index.js';
import { weighSupportAtMost } from './value-support.js';
import { leastWindowShare, type WindowMatch } from './window-search.js';
import { harmonicMean } from './word-match.js';

/** What the bound knows before aligning. */
export interface BoundInput {
  /** the features of measureSurface (alignment features NaN) */
  surfaceFeatures: number[];
  speakers: SpeakerMatch;
  /** summed weight of the shorter quote and of the longer */
  sWeight: number;
  lWeight: number;
  /** the most that shared values and modals can add to the matched weight */
  support: number;
  /** the least share of the longer quote's words that any window covers */
  windowShare: number;
  /** do names, and do numbers or dates, occur in either quote (else their unmatched shares are 0) */
  hasNames: boolean;
  hasValues: boolean;
  /** upper limits of recall and precision when known (from the word similarities), else 1 */
  recallAtMost?: number;
  precisionAtMost?: number;
  /** lower limits of recall and precision when known (from the best window, before support), else 0 */
  recallAtLeast?: number;
  precisionAtLeast?: number;
  /** upper limit of the F1 (support included) when known, else 1 */
  f1AtMost?: number;
}

/** Alignment score from which one speaker's quote retells a stretch of another of theirs (the hand-set cut of decide.ts). */
export const OWN_WORDS_ALIGNED = 0.36;
/** A retelling at most this share of the longer quote's words retells a stretch of it (decide.ts). */
export const STRETCH_RATIO = 0.7;

/** Halvings of the (recall, precision) square at most: finer is tighter and costs more. */
const DEPTH = 4;
/** Room left for rounding: the score is rounded to three decimals before it is compared. */
const ROUNDING = 0.001;

const at = (name: string): number => FEATURE_NAMES.indexOf(name);
const LENGTH_RATIO = at('length-ratio');

/** The alignment's features, as slots of the ranges filled per cell. */
const SLOTS = [
  'soft-f1',
  'soft-recall',
  'soft-precision',
  'lexical-f1',
  'evidence',
  'words-only-names',
  'window-share',
  'names-unmatched',
  'values-unmatched',
  'unmatched-short',
  'unmatched-long',
  'precision-whole',
  'aligned-score',
  'same-speaker-aligned',
  'same-speaker-recall',
] as const;
const SLOT = new Map<string, number>(SLOTS.map((name, k) => [name, k]));

/** One term of a model's linear score: its weight per unit of the raw feature, its mean, and where the value comes from. */
interface Term {
  coefficient: number;
  mean: number;
  /** index into the feature vector (known terms) or into the alignment slots */
  index: number;
}

/** A model's terms, split into those known before aligning and those of the alignment. */
interface Terms {
  known: Term[];
  aligned: Term[];
}

const termsByModel = new WeakMap<LogisticModel, Terms>();

function termsOf(model: LogisticModel): Terms {
  const cached = termsByModel.get(model);
  if (cached) return cached;
  const terms: Terms = { known: [], aligned: [] };
  model.features.forEach((name, k) => {
    const slot = SLOT.get(name);
    const term = { coefficient: model.weights[k] / model.scale[k], mean: model.mean[k] };
    if (slot === undefined) terms.known.push({ ...term, index: at(name) });
    else terms.aligned.push({ ...term, index: slot });
  });
  termsByModel.set(model, terms);
  return terms;
}

/** Lower and upper ends of each alignment slot for one cell. */
const lo = new Float64Array(SLOTS.length);
const hi = new Float64Array(SLOTS.length);
const [F1, RECALL, PRECISION, LEXICAL, EVIDENCE, NAMES_ONLY, WINDOW, NAMES, VALUES, SHORT, LONG, WHOLE, ALIGNED] =
  SLOTS.map((_, k) => k);
const [SAME_ALIGNED, SAME_RECALL] = [SLOT.get('same-speaker-aligned')!, SLOT.get('same-speaker-recall')!];

/** Fill the slots that stay the same in every cell. */
function fillFixed(input: BoundInput): void {
  const { sWeight, lWeight } = input;
  lo[LEXICAL] = 0;
  hi[LEXICAL] = 1;
  lo[WINDOW] = input.windowShare;
  hi[WINDOW] = 1;
  lo[NAMES] = 0;
  hi[NAMES] = input.hasNames ? 1 : 0;
  lo[VALUES] = 0;
  hi[VALUES] = input.hasValues ? 1 : 0;
  hi[SHORT] = Math.min(1, sWeight / 10);
  lo[LONG] = 0;
  hi[LONG] = Math.min(1, lWeight / 10);
  lo[WHOLE] = 0;
}

/** Fill the slots for the cell r0..r1 × p0..p1, with `namesOnly` saying only names correspond. */
function fillCell(input: BoundInput, r0: number, r1: number, p0: number, p1: number, namesOnly: boolean): void {
  const { sWeight, support } = input;
  const cap = input.f1AtMost ?? 1;
  const f0 = Math.min(cap, harmonicMean(r0, p0));
  const f1 = Math.min(cap, harmonicMean(r1, p1));
  // matched weight with support: recall × (shorter weight + support), support between none and all
  const m0 = r0 * sWeight;
  const m1 = r1 * (sWeight + support);
  const e0 = m0 / (m0 + EVIDENCE_HALF);
  const e1 = m1 / (m1 + EVIDENCE_HALF);
  const halve = namesOnly ? 0.5 : 1;
  const same = input.speakers === 'same';
  lo[F1] = f0;
  hi[F1] = f1;
  lo[RECALL] = r0;
  hi[RECALL] = r1;
  lo[PRECISION] = p0;
  hi[PRECISION] = p1;
  lo[EVIDENCE] = e0;
  hi[EVIDENCE] = e1;
  lo[NAMES_ONLY] = hi[NAMES_ONLY] = namesOnly ? 1 : 0;
  // the shorter's unmatched weight is (1 - recall) × (its weight + support): at least (1 - r) × its weight
  lo[SHORT] = Math.min(1, ((1 - r1) * sWeight) / 10);
  // covered weight over the whole longer quote is at most covered over the window, at most the precision
  hi[WHOLE] = p1;
  lo[ALIGNED] = f0 * e0 * halve;
  hi[ALIGNED] = f1 * e1 * halve;
  lo[SAME_ALIGNED] = same ? lo[ALIGNED] : 0;
  hi[SAME_ALIGNED] = same ? hi[ALIGNED] : 0;
  lo[SAME_RECALL] = same ? r0 : 0;
  hi[SAME_RECALL] = same ? r1 : 0;
}

/** What one search of the (recall, precision) grid needs. */
interface Search {
  input: BoundInput;
  aligned: Term[];
  /** the model's score from the features known before aligning */
  base: number;
  needed: number;
  ownWords: boolean;
}

/** Can any point of the cell reach the threshold (or the hand-set rule), whether only names correspond or not? */
function reaches(search: Search, r0: number, r1: number, p0: number, p1: number): boolean {
  for (const namesOnly of [false, true]) {
    fillCell(search.input, r0, r1, p0, p1, namesOnly);
    if (search.ownWords && hi[ALIGNED] >= OWN_WORDS_ALIGNED) return true;
    let z = search.base;
    for (const t of search.aligned) z += t.coefficient * ((t.coefficient > 0 ? hi[t.index] : lo[t.index]) - t.mean);
    if (z >= search.needed) return true;
  }
  return false;
}

/**
 * Branch and bound over the cell: a cell whose bound cannot reach is ruled
 * out whole; one that can is split in four, down to DEPTH halvings, the
 * best quarter first.
 */
function mayReachIn(search: Search, r0: number, r1: number, p0: number, p1: number, depth: number): boolean {
  if (!reaches(search, r0, r1, p0, p1)) return false;
  if (depth === DEPTH) return true;
  const rm = (r0 + r1) / 2;
  const pm = (p0 + p1) / 2;
  return (
    mayReachIn(search, rm, r1, pm, p1, depth + 1) ||
    mayReachIn(search, rm, r1, p0, pm, depth + 1) ||
    mayReachIn(search, r0, rm, pm, p1, depth + 1) ||
    mayReachIn(search, r0, rm, p0, pm, depth + 1)
  );
}

/**
 * Can the two quotes still be paired, whatever the alignment finds? False
 * only when no alignment could lift the model to the threshold and the
 * hand-set rule for a speaker's own words cannot fire. Call it only where the
 * surface relation is none (a verbatim pair scores 1 without the model, and
 * the others raise the alignment score).
 */
export function mayReachThreshold(input: BoundInput, weights: PairingWeights): boolean {
  const x = input.surfaceFeatures;
  const model = isPartRetold(weights.model, x) ? weights.model.part : weights.model.whole;
  if (model.squares) return true;
  const { known, aligned } = termsOf(model);
  let base = model.intercept;
  for (const t of known) {
    const v = x[t.index];
    // a feature the bound knows nothing of: no bound
    if (!Number.isFinite(v)) return true;
    base += t.coefficient * (v - t.mean);
  }
  const limit = weights.threshold - ROUNDING;
  const needed = limit > 0 ? Math.log(limit / (1 - limit)) : -Infinity;
  const ownWords = input.speakers === 'same' && x[LENGTH_RATIO] < STRETCH_RATIO;
  fillFixed(input);
  const search: Search = { input, aligned, base, needed, ownWords };
  const rMax = Math.min(1, input.recallAtMost ?? 1);
  const pMax = Math.min(1, input.precisionAtMost ?? 1);
  const rMin = Math.min(rMax, Math.max(0, input.recallAtLeast ?? 0));
  const pMin = Math.min(pMax, Math.max(0, input.precisionAtLeast ?? 0));
  return mayReachIn(search, rMin, rMax, pMin, pMax, 0);
}

/** What the bound of pair-bound.ts knows of two quotes before they are aligned. */
export function describeForBound(
  x: QuoteFeatures,
  y: QuoteFeatures,
  swap: boolean,
  surfaceFeatures: number[],
  speakers: SpeakerMatch,
): BoundInput {
  const [S, L] = swap ? [y, x] : [x, y];
  const px = profileQuote(x);
  const py = profileQuote(y);
  return {
    surfaceFeatures,
    speakers,
    sWeight: profileQuote(S).weight,
    lWeight: profileQuote(L).weight,
    support: weighSupportAtMost(S.content, L.content),
    windowShare: leastWindowShare(S.content, L.content),
    hasNames: px.names.length + py.names.length > 0,
    hasValues: px.values.length + py.values.length > 0,
  };
}

/**
 * Recall and precision of the best window, support included, lie between
 * their values without support and with all the support shared values and
 * modals could add (alignQuotes adds what they do).
 */
export function limitByWindow(L: ContentWord[], best: WindowMatch, bound: BoundInput): Partial<BoundInput> {
  const { sWeight, support } = bound;
  let windowWeight = 0;
  for (let j = best.start; j < best.end; j += 1) windowWeight += L[j].weight;
  const limits: Partial<BoundInput> = {};
  if (sWeight > 0) {
    limits.recallAtLeast = best.matched / sWeight;
    limits.recallAtMost = Math.min(bound.recallAtMost ?? 1, (best.matched + support) / (sWeight + support));
  }
  if (windowWeight > 0) {
    limits.precisionAtLeast = best.covered / windowWeight;
    limits.precisionAtMost = Math.min(bound.precisionAtMost ?? 1, (best.covered + support) / (windowWeight + support));
  }
  return limits;
}
