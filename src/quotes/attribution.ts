/**
 * quotes/attribution: who said it. Finds the cue verb near a quotation, its
 * subject (subjects.ts), resolves it (resolve.ts) and the outlet the words
 * were said to. All scans are bounded, so the work per quote is constant.
 */
import { findRunsIn, type Attribution, type Context } from './context.js';
import { resolvePhrase } from './resolve.js';
import { findAppositiveSubject, findSubjectAfter, findSubjectBefore } from './subjects.js';
import type { Word } from './words.js';

export {
  findRunsIn,
  isCue,
  isSentenceEnd,
  type Attribution,
  type Context,
  type NamedSpeaker,
  type Resolved,
} from './context.js';
export { resolvePhrase } from './resolve.js';
export { findSubjectAfter, findSubjectBefore } from './subjects.js';

/** The cue verb phrase: the verb and a following manner adverb ("declared firmly"). */
function cuePhrase(words: Word[], v: number): string {
  const next = words[v + 1];
  if (next && next.pos === 'ADV' && /ly$/.test(next.lower) && !next.quoted) return `${words[v].text} ${next.text}`;
  return words[v].text;
}

/** The outlet a cue names: `told Newsweek`, `said Newsweek that`. */
function outletAfter(ctx: Context, v: number, upper: number): string | null {
  const { words } = ctx;
  const lemma = words[v].lemma;
  if (lemma !== 'tell' && lemma !== 'say') return null;
  // "told The Associated Press", "told the BBC"
  const at = words[v + 1]?.lower === 'the' ? v + 2 : v + 1;
  const runs = findRunsIn(ctx, at, Math.min(upper, at + 5));
  if (runs.length === 0 || runs[0].from !== at) return null;
  const after = words[runs[0].to];
  if (lemma === 'say' && after?.lower !== 'that') return null;
  if (runs[0].kind === 'person') return null;
  return runs[0].name;
}

/** "Speaking to Newsweek, ..." / "in an interview with Newsweek" before `upper`. */
function outletInFrame(ctx: Context, from: number, upper: number): string | null {
  const { words } = ctx;
  // frames are asked for at every cue verb; the intros are few, so find them once
  const intros = (ctx.frameIntros ??= findFrameIntros(words));
  for (let k = firstAtOrAfter(intros, from); k < intros.length && intros[k] < upper - 2; k += 1) {
    const i = intros[k];
    const at = words[i + 2].lower === 'the' ? i + 3 : i + 2;
    const runs = findRunsIn(ctx, at, Math.min(upper, at + 5));
    if (runs.length > 0 && runs[0].from === at && runs[0].kind !== 'person') return runs[0].name;
  }
  return null;
}

/** Index of the first number in a sorted list that is at least `x`. */
function firstAtOrAfter(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Word indices i where `speaking to`, `talking to` or `interview with` starts, in order. */
function findFrameIntros(words: Word[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < words.length; i += 1) {
    const w = words[i];
    if (
      ((w.lower === 'speaking' || w.lower === 'talking') && words[i + 1].lower === 'to') ||
      (w.lower === 'interview' && words[i + 1].lower === 'with')
    )
      out.push(i);
  }
  return out;
}

/**
 * The subject noun phrase of cue verb index v within the frame [lower, upper)
 * (the first step of `attributeAt`), or null.
 */
export function findSubjectAt(
  ctx: Context,
  v: number,
  lower: number,
  upper: number,
  allowInverted: boolean,
): { from: number; to: number } | null {
  const { words } = ctx;
  let np = findSubjectBefore(words, v, lower);
  if (np === 'coordinated') return null;
  if (!np && words[v - 1]?.text === ',' && v - 1 >= lower) np = findAppositiveSubject(ctx, v, lower);
  if (!np && allowInverted) np = findSubjectAfter(words, v, upper);
  return np;
}

/**
 * Attribute at cue verb index v, with the frame [lower, upper) the phrase
 * may use. Returns null when the verb has no usable subject.
 */
export function attributeAt(
  ctx: Context,
  v: number,
  lower: number,
  upper: number,
  allowInverted: boolean,
): Attribution | null {
  const { words } = ctx;
  const np = findSubjectAt(ctx, v, lower, upper, allowInverted);
  if (!np) return null;
  const resolved = resolvePhrase(ctx, np.from, np.to);
  let outlet = outletAfter(ctx, v, upper) ?? outletInFrame(ctx, lower, v);
  // "..., Yasser said, Newsweek reported."
  if (!outlet) {
    for (let i = v + 1; i < upper && i < v + 6; i += 1) {
      if (words[i].lemma === 'report' && (words[i].pos === 'VERB' || words[i].pos === 'AUX')) {
        const runs = findRunsIn(ctx, v + 1, i);
        const r = runs[runs.length - 1];
        if (r && r.to === i && r.kind !== 'person') outlet = r.name;
      }
    }
  }
  return {
    speaker: resolved.speaker,
    mention: resolved.mention,
    kind: resolved.kind,
    cue: cuePhrase(words, v),
    outlet,
  };
}
