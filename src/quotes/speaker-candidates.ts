/**
 * quotes/speaker-candidates: the people and groups named around a quotation
 * that no rule attributes, each with the features the learned ranker
 * (speaker-ranker.ts) weighs: where the name stands against the quotation,
 * whether it is a verb's subject, how often the article names it and lets it
 * speak. Pure; the same function feeds training (scripts/train-speakers.ts)
 * and the app.
 */
import { isCue, type Context } from './context.js';
import type { Mention } from './people.js';
import { fullName } from './resolve.js';
import { firstMentionAt, sentenceAround } from './sentence-speaker.js';

/** Names of the features, in the order of `Candidate.x` (the weights file is checked against them). */
export const CANDIDATE_FEATURES = [
  'sameSentence',
  'before',
  'logDistance',
  'sameParagraph',
  'previousParagraph',
  'previousParagraphQuoteOpens',
  'isPerson',
  'subjectOfVerb',
  'subjectOfCue',
  'firstInSentence',
  'afterPreposition',
  'possessive',
  'logMentions',
  'logTimesSpeaker',
  'previousQuoteSpeaker',
  'ruleChoice',
  'loneName',
] as const;

/** One candidate speaker: the name as a speaker, the mention, and its features. */
export interface Candidate {
  speaker: string;
  mention: string;
  kind: 'person' | 'org';
  x: number[];
}

const WORDS_BEFORE = 120;
const WORDS_AFTER = 40;

/** Per article: how often each speaker name is mentioned and named at a cue verb (computed once). */
const articleCounts = new WeakMap<Context, { mentions: Map<string, number>; spoken: Map<string, number> }>();

function countsOf(ctx: Context): { mentions: Map<string, number>; spoken: Map<string, number> } {
  let c = articleCounts.get(ctx);
  if (!c) {
    c = { mentions: new Map(), spoken: new Map() };
    for (const m of [...ctx.people.mentions, ...ctx.people.loose]) {
      const name = speakerOf(ctx, m);
      c.mentions.set(name, (c.mentions.get(name) ?? 0) + 1);
    }
    for (const s of ctx.speakers) {
      const name = fullName(ctx.people, s.person);
      c.spoken.set(name, (c.spoken.get(name) ?? 0) + 1);
    }
    for (const g of ctx.groupSpeakers) c.spoken.set(g.name, (c.spoken.get(g.name) ?? 0) + 1);
    articleCounts.set(ctx, c);
  }
  return c;
}

/** The mentions of a sorted list whose first word lies in [from, to]. */
function inWindow(list: Mention[], from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (let k = firstMentionAt(list, Math.max(0, from)); k < list.length && list[k].at <= to; k += 1) out.push(list[k]);
  return out;
}

/** The speaker name a mention stands for: a person's fullest name, a group's name. */
function speakerOf(ctx: Context, m: Mention): string {
  return m.person ? fullName(ctx.people, m.person) : m.name;
}

/** True when the words after a name are its verb (`Trump called`, `Clinton, exasperated, responded`). */
function verbAfter(ctx: Context, to: number): number {
  const { words } = ctx;
  let j = to;
  while (j < words.length && j - to < 3 && (words[j].pos === 'ADV' || words[j].pos === 'AUX') && !words[j].quoted)
    j += 1;
  const w = words[j];
  return w && !w.quoted && (w.pos === 'VERB' || w.pos === 'AUX') ? j : -1;
}

/**
 * The candidates for the quotation whose marks are at word indices [openW,
 * closeW] (closeW -1 when unclosed): every person or group named from the
 * paragraph before to the end of the quotation's paragraph, within a bounded
 * window. `previousSpeaker` is the speaker of the nearest attributed quotation before it.
 */
export function listCandidates(
  ctx: Context,
  openW: number,
  closeW: number,
  previousSpeaker: string | null,
  ruleChoice: string | null,
): Candidate[] {
  const { words, text } = ctx;
  const { mentions } = ctx.people;
  if (openW < 0 || openW >= words.length) return [];
  const para = words[openW].paragraph;
  const last = closeW >= 0 ? closeW : openW;
  const sentence = sentenceAround(ctx, openW, closeW);
  const opensParagraph = openW === 0 || words[openW - 1].paragraph !== para;
  const counts = countsOf(ctx);
  const out: Candidate[] = [];
  let sentenceFirstSeen = false;
  const near = [
    ...inWindow(mentions, openW - WORDS_BEFORE, last + WORDS_AFTER),
    ...inWindow(ctx.people.loose, openW - WORDS_BEFORE, last + WORDS_AFTER),
  ].sort((a, b) => a.at - b.at);
  for (const m of near) {
    const p = words[m.at].paragraph;
    if (p < para - 1 || p > para) continue;
    if (m.at > last && p !== para) break;
    const speaker = speakerOf(ctx, m);
    const before = m.to <= openW;
    const distance = before ? openW - m.to : Math.max(0, m.at - last);
    const inSentence = m.at >= sentence.from && m.at < sentence.to;
    let firstInSentence = 0;
    if (inSentence && !sentenceFirstSeen) {
      sentenceFirstSeen = true;
      firstInSentence = 1;
    }
    const v = verbAfter(ctx, m.to);
    const prevWord = words[m.at - 1];
    const lastWord = words[m.to - 1];
    const possessive =
      /['’]s?$/.test(lastWord.lower) || words[m.to]?.lower === "'s" || words[m.to]?.lower === '’s' ? 1 : 0;
    out.push({
      speaker,
      mention: text.slice(words[m.at].start, words[m.to - 1].end),
      kind: m.kind,
      x: [
        inSentence ? 1 : 0,
        before ? 1 : 0,
        Math.log1p(distance),
        p === para ? 1 : 0,
        p === para - 1 ? 1 : 0,
        p === para - 1 && opensParagraph ? 1 : 0,
        m.kind === 'person' ? 1 : 0,
        v >= 0 ? 1 : 0,
        v >= 0 && isCue(words[v]) ? 1 : 0,
        firstInSentence,
        prevWord && prevWord.pos === 'ADP' ? 1 : 0,
        possessive,
        Math.log1p(counts.mentions.get(speaker) ?? 0),
        Math.log1p(counts.spoken.get(speaker) ?? 0),
        previousSpeaker === speaker ? 1 : 0,
        ruleChoice === speaker ? 1 : 0,
        m.person === null && m.kind === 'person' ? 1 : 0,
      ],
    });
  }
  return out;
}
