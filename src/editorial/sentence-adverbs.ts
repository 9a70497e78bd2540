/**
 * Editorial sentence adverbs (Of course, Indeed, Clearly, Needless to say):
 * they comment on the whole statement when they open a sentence, after an
 * optional And/But/So, or stand between commas mid-sentence ("The U.S., of
 * course, denies it"). Elsewhere they are ordinary words ("a change of
 * course", "clearly marked").
 */
import adverbs from '../../data/lexicons/editorial-adverbs.json' with { type: 'json' };
import type { DetectContext } from './context.js';

/** A sentence adverb used as the writer's comment. */
export interface AdverbHit {
  start: number;
  end: number;
  phrase: string;
}

const always = adverbs.always.map((p) => p.split(' '));
const withComma = adverbs.withComma.map((p) => p.split(' '));
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or']);

/** Find the editorial sentence adverbs of the text. */
export function findAdverbHits(ctx: DetectContext): AdverbHit[] {
  const { tokens } = ctx.analysis;
  const hits: AdverbHit[] = [];
  const lower = tokens.map((t) => t.text.toLowerCase());
  const matchAt = (i: number, words: string[]) => words.every((w, k) => lower[i + k] === w);
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].type !== 'word') continue;
    let initial = ctx.sentenceStarts.has(i);
    if (!initial && i > 0 && ctx.sentenceStarts.has(i - 1) && CONJUNCTIONS.has(lower[i - 1])) initial = true;
    const betweenCommas = i > 0 && lower[i - 1] === ',';
    if (!initial && !betweenCommas) continue;
    for (const [list, needsComma] of [
      [always, !initial],
      [withComma, true],
    ] as const) {
      for (const words of list) {
        if (!matchAt(i, words)) continue;
        const last = i + words.length - 1;
        const follow = lower[last + 1];
        if (needsComma && follow !== ',') continue;
        hits.push({ start: tokens[i].start, end: tokens[last].end, phrase: words.join(' ') });
      }
    }
  }
  return hits;
}
