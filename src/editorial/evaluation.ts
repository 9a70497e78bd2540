/**
 * Scoring editorial suggestions against labelled sentences (MBIC), and the
 * k-fold cross-validation of the model. Word figures count the words of each
 * sentence (splitWords, lower-cased) against the words annotators marked; a
 * word is flagged when a suggested span overlaps it. Sentence figures are the
 * macro F1 of Biased against Non-biased; "No agreement" sentences have no
 * sentence label and count only at word level. Pure.
 */
import type { WordVectors } from '../vectors/table.js';
import { suggestEditorial, type EditorialSuggestions } from './index.js';
import type { EditorialModel } from './model.js';
import {
  computeF1,
  computeMacroF1,
  fitEditorialModel,
  makeFolds,
  type Counts,
  type PreparedSentence,
} from './training.js';

/** Word and sentence figures of one predictor. */
export interface EditorialFigures {
  words: Counts & { precision: number; recall: number; f1: number };
  /** macro F1 over Biased / Non-biased sentences */
  sentenceMacroF1: number;
  /** sentences with a Biased or Non-biased label */
  sentences: number;
}

/** What a predictor says about one sentence: spans and whether it reads as biased. */
export interface SentencePrediction {
  spans: { start: number; end: number }[];
  biased: boolean;
}

/** Add one sentence's word counts and sentence decision to running totals. */
function tally(p: PreparedSentence, prediction: SentencePrediction, counts: Counts, pairs: [number, number][]): void {
  p.words.forEach((w, j) => {
    const flagged = prediction.spans.some((s) => s.start < w.end && w.start < s.end);
    if (flagged && p.gold[j]) counts.tp += 1;
    else if (flagged) counts.fp += 1;
    else if (p.gold[j]) counts.fn += 1;
  });
  if (p.sentenceLabel !== null) pairs.push([prediction.biased ? 1 : 0, p.sentenceLabel]);
}

/** Score a predictor over prepared sentences. */
export function scorePredictions(
  prepared: readonly PreparedSentence[],
  predict: (p: PreparedSentence, index: number) => SentencePrediction,
): EditorialFigures {
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  const pairs: [number, number][] = [];
  prepared.forEach((p, i) => tally(p, predict(p, i), counts, pairs));
  return {
    words: { ...counts, ...computeF1(counts) },
    sentenceMacroF1: computeMacroF1(pairs),
    sentences: pairs.length,
  };
}

/**
 * The rules alone, as retold tagged before the model: a word is flagged when
 * a span covers it, a sentence is biased when it carries any span.
 */
export function predictWithRules(p: PreparedSentence): SentencePrediction {
  const spans = suggestEditorial(p.source.text, p.quotes, p.analysis).spans;
  return { spans, biased: spans.length > 0 };
}

/** The item's bias: that of its longest sentence (wink may split one item in two). */
export function readItemBias(result: EditorialSuggestions): number {
  let best = { length: -1, bias: 0 };
  for (const s of result.sentences) if (s.end - s.start > best.length) best = { length: s.end - s.start, bias: s.bias };
  return best.bias;
}

/**
 * Cross-validated figures: the suggestions as the app gives them (every rule
 * span, the model's own words from the app's default confidence), and every
 * span at or above the model's own F1 threshold.
 */
export interface CrossValidation {
  combined: EditorialFigures;
  atModelThreshold: EditorialFigures;
  folds: number;
  /** the suggestions as the app gives them at each confidence asked for (empty when none was) */
  sweep: { threshold: number; figures: EditorialFigures }[];
}

/**
 * The default confidence from which the app suggests the model's own words,
 * chosen on the cross-validated sweep: the lowest at which the suggestions
 * flag no more words than the annotators marked (precision at least recall).
 * Word F1 still rises a little below it, but only by flagging more words than
 * the experts did; a reviewer who wants those lowers the threshold.
 */
export function pickSuggestionThreshold(sweep: CrossValidation['sweep']): number {
  const sorted = [...sweep].sort((a, b) => a.threshold - b.threshold);
  if (sorted.length === 0) throw new Error('editorial: no thresholds to choose from');
  const fits = sorted.find(({ figures: { words } }) => words.tp + words.fp <= words.tp + words.fn);
  return (fits ?? sorted[sorted.length - 1]).threshold;
}

/** The sweep's threshold of the highest word F1 (the lowest of equals). */
export function pickF1Threshold(sweep: CrossValidation['sweep']): number {
  let best = sweep[0];
  for (const s of sweep)
    if (
      s.figures.words.f1 > best.figures.words.f1 ||
      (s.figures.words.f1 === best.figures.words.f1 && s.threshold < best.threshold)
    )
      best = s;
  return best.threshold;
}

/**
 * k-fold cross-validation: fit on k-1 folds (with the same fit the training
 * script runs), predict the held-out fold, pool the counts.
 */
export function crossValidateEditorial(
  prepared: readonly PreparedSentence[],
  k: number,
  seed: number,
  vectors: WordVectors | undefined,
  minConfidence: number,
  thresholds: readonly number[] = [],
): CrossValidation {
  const predictions: SentencePrediction[] = new Array(prepared.length);
  const atThreshold: SentencePrediction[] = new Array(prepared.length);
  const swept: SentencePrediction[][] = thresholds.map(() => new Array(prepared.length));
  makeFolds(prepared.length, k, seed).forEach((fold, f) => {
    const held = new Set(fold);
    const fitted = fitEditorialModel(
      prepared.filter((_, i) => !held.has(i)),
      seed + 100 * (f + 1),
      vectors,
    );
    const model: EditorialModel = { data: 'fold', date: '', seed, cv: {}, ...fitted };
    for (const i of fold) {
      const p = prepared[i];
      const result = suggestEditorial(p.source.text, p.quotes, p.analysis, {
        model,
        vectors,
        keepRules: true,
        minConfidence,
      });
      predictions[i] = { spans: result.spans, biased: readItemBias(result) >= model.sentence.threshold };
      const own = suggestEditorial(p.source.text, p.quotes, p.analysis, { model, vectors });
      atThreshold[i] = { spans: own.spans, biased: predictions[i].biased };
      thresholds.forEach((t, j) => {
        const spans = suggestEditorial(p.source.text, p.quotes, p.analysis, {
          model,
          vectors,
          keepRules: true,
          minConfidence: t,
        }).spans;
        swept[j][i] = { spans, biased: predictions[i].biased };
      });
    }
  });
  return {
    combined: scorePredictions(prepared, (_, i) => predictions[i]),
    atModelThreshold: scorePredictions(prepared, (_, i) => atThreshold[i]),
    folds: k,
    sweep: thresholds.map((threshold, j) => ({
      threshold,
      figures: scorePredictions(prepared, (_, i) => swept[j][i]),
    })),
  };
}
