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
const firstWords = new Set([...always, ...withComma].map((words) => words[0]));

/** Find the editorial sentence adverbs of the text. */
export function findAdverbHits(ctx: DetectContext): AdverbHit[] {
  const { tokens } = ctx.analysis;
  const hits: AdverbHit[] = [];
  // lower-cased only where an adverb can stand: most tokens are neither sentence-initial nor after a comma
  const low = (i: number): string | undefined => tokens[i]?.text.toLowerCase();
  const matchAt = (i: number, words: string[]) => words.every((w, k) => low(i + k) === w);
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].type !== 'word') continue;
    const initial =
      ctx.sentenceStarts[i] === 1 || (i > 0 && ctx.sentenceStarts[i - 1] === 1 && CONJUNCTIONS.has(low(i - 1)!));
    const betweenCommas = i > 0 && tokens[i - 1].text === ',';
    if (!initial && !betweenCommas) continue;
    const first = low(i);
    if (!firstWords.has(first!)) continue;
    for (const [list, needsComma] of [
      [always, !initial],
      [withComma, true],
    ] as const) {
      for (const words of list) {
        if (!matchAt(i, words)) continue;
        const last = i + words.length - 1;
        const follow = low(last + 1);
        if (needsComma && follow !== ',') continue;
        hits.push({ start: tokens[i].start, end: tokens[last].end, phrase: words.join(' ') });
      }
    }
  }
  return hits;
}
