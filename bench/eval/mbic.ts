/**
 * Editorial language on MBIC (Spinde et al. 2021): 1,700 news sentences with
 * the words crowd annotators marked as inducing bias and a sentence label,
 * read from ../shared/dev/mbic/sentences.jsonl (skipped with a message when
 * absent). Figures: word precision, recall and F1 (the words of a sentence,
 * lower-cased, against the marked words; a word counts as flagged when a
 * suggested span overlaps it) and sentence macro F1 (Biased against
 * Non-biased; the 149 "No agreement" sentences have no sentence label and
 * count at word level only). The model is 10-fold cross-validated with the
 * same fit as scripts/train-editorial.ts and scored as the app suggests; the rules alone (retold's detector
 * before the model: a sentence is biased when it carries any span) are
 * measured beside it in the same run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  crossValidateEditorial,
  predictWithRules,
  scorePredictions,
  type CrossValidation,
  type EditorialFigures,
} from '../../src/editorial/evaluation.js';
import { DEFAULT_EDITORIAL_THRESHOLD } from '../../src/editorial/trained-model.js';
import { prepareSentence, type LabelledSentence, type PreparedSentence } from '../../src/editorial/training.js';
import { loadVectors } from '../../src/vectors/load.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const mbicPath = resolve(root, '..', 'shared', 'dev', 'mbic', 'sentences.jsonl');
const missesPath = join(root, 'test-artifacts', 'eval', 'mbic-misses.txt');

/** Floors, set just under the cross-validated figures reached. */
export const MBIC_WORD_F1_FLOOR = 0.48;
export const MBIC_SENTENCE_F1_FLOOR = 0.71;
/** The seed of the folds (the training script uses the same). */
export const MBIC_SEED = 15;
export const MBIC_FOLDS = 10;

/** Read the MBIC sentences, or null when the file is absent. */
export function loadMbic(path = mbicPath): LabelledSentence[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const row = JSON.parse(l) as { text: string; label: LabelledSentence['label']; biased_words: string[] };
      return { text: row.text, label: row.label, marked: row.biased_words };
    });
}

let prepared: PreparedSentence[] | null | undefined;

/** The MBIC sentences analysed with their features (once per process), or null when absent. */
export function prepareMbic(): PreparedSentence[] | null {
  if (prepared !== undefined) return prepared;
  const sentences = loadMbic();
  if (!sentences) return (prepared = null);
  const vectors = loadVectors();
  return (prepared = sentences.map((s) => prepareSentence(s, vectors)));
}

/** The MBIC figures: the rules alone and the cross-validated model. */
export interface MbicScores {
  baseline: EditorialFigures;
  cv: CrossValidation;
}

/** Measure the baseline and cross-validate the model on MBIC; null when the data is absent. */
export function scoreMbic(): MbicScores | null {
  const data = prepareMbic();
  if (!data) return null;
  const baseline = scorePredictions(data, (p) => predictWithRules(p));
  const cv = crossValidateEditorial(data, MBIC_FOLDS, MBIC_SEED, loadVectors(), DEFAULT_EDITORIAL_THRESHOLD);
  return { baseline, cv };
}

const f3 = (x: number) => x.toFixed(3);
const describeFigures = (name: string, f: EditorialFigures) =>
  `${name}: word precision ${f3(f.words.precision)}, recall ${f3(f.words.recall)}, F1 ${f3(f.words.f1)} (tp ${f.words.tp}, fp ${f.words.fp}, fn ${f.words.fn}); sentence macro F1 ${f3(f.sentenceMacroF1)} (${f.sentences} labelled sentences)`;

/** Printable lines and broken floors of the MBIC figures. */
export function reportMbic(s: MbicScores): { lines: string[]; failures: string[] } {
  const lines = [
    describeFigures('rules alone (baseline, same run)', s.baseline),
    describeFigures(
      `rules and model as the app suggests (model words from confidence ${DEFAULT_EDITORIAL_THRESHOLD}; ${s.cv.folds}-fold cross-validated)`,
      s.cv.combined,
    ),
    describeFigures("every span at or above the model's own F1 threshold (cross-validated)", s.cv.atModelThreshold),
    'published: word F1 0.43 (tuned XGBoost, Spinde et al. 2021), 0.40 (negative-sentiment lexicon)',
  ];
  const failures: string[] = [];
  if (s.cv.combined.words.f1 < MBIC_WORD_F1_FLOOR)
    failures.push(`MBIC word F1 ${f3(s.cv.combined.words.f1)} < ${MBIC_WORD_F1_FLOOR}`);
  if (s.cv.combined.sentenceMacroF1 < MBIC_SENTENCE_F1_FLOOR)
    failures.push(`MBIC sentence macro F1 ${f3(s.cv.combined.sentenceMacroF1)} < ${MBIC_SENTENCE_F1_FLOOR}`);
  return { lines, failures };
}

/** Write the baseline's misses (marked words not flagged, flagged words not marked) for reading. */
export function writeMbicMisses(data: readonly PreparedSentence[]): string {
  const out: string[] = [];
  for (const p of data) {
    const spans = predictWithRules(p).spans;
    const missed = p.words
      .filter((w, j) => p.gold[j] && !spans.some((s) => s.start < w.end && w.start < s.end))
      .map((w) => w.lower);
    const extra = p.words
      .filter((w, j) => !p.gold[j] && spans.some((s) => s.start < w.end && w.start < s.end))
      .map((w) => w.lower);
    if (missed.length || extra.length)
      out.push(`${p.source.label}\t${p.source.text}\n  missed: ${missed.join(', ')}\n  extra: ${extra.join(', ')}`);
  }
  mkdirSync(dirname(missesPath), { recursive: true });
  writeFileSync(missesPath, `${out.join('\n')}\n`);
  return missesPath;
}
