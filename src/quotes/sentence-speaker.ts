/**
 * quotes/sentence-speaker: the speaker of last resort for a quotation that no
 * cue verb, introducer or neighbour attributes (issue 13): the person or group
 * the quotation's own sentence names, outside the marks. On PolNeAR train the
 * sentence around such a quotation names its source far more often than not
 * (`Trump called the system “rigged”`, `the persistent pull of Obama's “if you
 * like your plan …” promise`, `As Politico reported, “…”`).
 */
import { isSentenceEnd, type Attribution, type Context } from './context.js';
import type { Mention } from './people.js';
import { fullName } from './resolve.js';

/** Index of the first mention at or after word index `at`. */
export function firstMentionAt(mentions: Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Word range [from, to) of the sentence around the marks [openW, closeW], within the paragraph. */
export function sentenceAround(ctx: Context, openW: number, closeW: number): { from: number; to: number } {
  const { words } = ctx;
  const para = words[openW].paragraph;
  let from = openW;
  while (from > 0 && openW - from < 60 && words[from - 1].paragraph === para && !isSentenceEnd(words[from - 1]))
    from -= 1;
  const last = closeW >= 0 ? closeW : openW;
  let to = last + 1;
  while (to < words.length && to - last < 40 && words[to].paragraph === para) {
    to += 1;
    if (isSentenceEnd(words[to - 1])) break;
  }
  return { from, to };
}

/**
 * The person, else the group, named nearest before the quotation in its
 * sentence; else the one named first after it. Null when the sentence names
 * nobody outside the marks.
 */
export function findSentenceSpeaker(ctx: Context, openW: number, closeW: number): Attribution | null {
  const { mentions } = ctx.people;
  if (openW < 0 || openW >= ctx.words.length) return null;
  const { from, to } = sentenceAround(ctx, openW, closeW);
  const k0 = firstMentionAt(mentions, openW);
  let org: Mention | null = null;
  for (let k = firstMentionAt(mentions, from); k < k0; k += 1) {
    const m = mentions[k];
    if (m.kind === 'person') return fromMention(ctx, m);
    org ??= m;
  }
  if (org) return fromMention(ctx, org);
  const after = closeW >= 0 ? closeW : openW;
  for (let k = firstMentionAt(mentions, after); k < mentions.length && mentions[k].at < to; k += 1)
    return fromMention(ctx, mentions[k]);
  return null;
}

function fromMention(ctx: Context, m: Mention): Attribution {
  return {
    speaker: m.person ? fullName(ctx.people, m.person) : m.name,
    mention: m.name,
    kind: m.kind,
    cue: null,
    outlet: null,
  };
}
