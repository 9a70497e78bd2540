/**
 * quotes/direct-attribution: who said a quotation between marks — the cue
 * verb and its subject around the marks, else the subject of the clause that
 * introduces it, else the speaker of its group, its paragraph or the
 * paragraph before.
 */
import {
  attributeAt,
  findSubjectBefore,
  isCue,
  isSentenceEnd,
  resolvePhrase,
  type Attribution,
  type Context,
} from './attribution.js';
import type { Direct } from './direct.js';
import { accordingTo, findIntroducer, findSignature } from './introducers.js';
import { findSentenceSpeaker } from './sentence-speaker.js';
import { listCandidates } from './speaker-candidates.js';
import { chooseSpeaker } from './speaker-ranker.js';
import type { Word } from './words.js';

/** Sentence boundaries for attribution frames: [start word, end word) around a quote. */
function leadingFrameStart(words: Word[], openW: number, opens: Set<number>, closes: Set<number>): number {
  let i = openW - 1;
  const para = words[openW]?.paragraph;
  while (i >= 0 && openW - i <= 40) {
    const w = words[i];
    if (w.paragraph !== para || (isSentenceEnd(w) && !w.quoted) || closes.has(w.start) || opens.has(w.start))
      return i + 1;
    i -= 1;
  }
  return i + 1;
}

function trailingFrameEnd(words: Word[], closeW: number, opens: Set<number>): number {
  let i = closeW + 1;
  const para = words[closeW]?.paragraph;
  while (i < words.length && i - closeW <= 40) {
    const w = words[i];
    if (w.paragraph !== para || opens.has(w.start)) return i;
    if (isSentenceEnd(w)) return i + 1;
    i += 1;
  }
  return i;
}

/** Attribution of a direct quote from the words around its marks. */
function attributeDirect(ctx: Context, d: Direct, opens: Set<number>, closes: Set<number>): Attribution | null {
  const { words } = ctx;
  const leadFrom = leadingFrameStart(words, d.openW, opens, closes);
  const glued = words[d.openW - 1];
  const gluedOutlet =
    glued && glued.end === d.span.open && /^\p{Lu}/u.test(glued.text) && !glued.mark ? glued.text : null;
  let trailing: Attribution | null = null;
  let trailingNear = false;
  if (d.closeW >= 0) {
    const end = trailingFrameEnd(words, d.closeW, opens);
    for (let i = d.closeW + 1; i < end; i += 1) {
      if (!isCue(words[i])) continue;
      trailing = attributeAt(ctx, i, d.closeW + 1, end, true);
      if (trailing) {
        trailingNear = i - d.closeW <= 10;
        break;
      }
    }
  }
  let leading: Attribution | null = null;
  for (let i = d.openW - 1; i >= leadFrom; i -= 1) {
    if (!isCue(words[i])) continue;
    leading = attributeAt(ctx, i, leadFrom, d.openW, false);
    if (leading) break;
  }
  let chosen: Attribution | null;
  if (d.kind === 'full') chosen = trailingNear ? trailing : (leading ?? trailing);
  else chosen = leading ?? trailing;
  if (!chosen && d.kind === 'partial')
    chosen = accordingTo(ctx, leadFrom, d.openW) ?? subjectOfClause(ctx, leadFrom, d.openW);
  if (!chosen?.speaker && d.kind === 'full')
    chosen =
      findIntroducer(ctx, leadFrom, d.openW) ??
      introducedByParagraphBefore(ctx, d.openW) ??
      findSignature(ctx, d.closeW) ??
      chosen;
  if (gluedOutlet && !chosen?.outlet)
    chosen = chosen
      ? { ...chosen, outlet: gluedOutlet }
      : { speaker: null, mention: null, cue: null, outlet: gluedOutlet, kind: null };
  return chosen;
}

/**
 * A word or two in marks keeps a speaker only when a cue verb of its own
 * sentence names one before it (`Trump called the system “rigged”`, `what he
 * called “fake news”`); a label with no such verb (`the so-called “reforms”`) has none.
 */
function attributeScare(ctx: Context, d: Direct, opens: Set<number>, closes: Set<number>): Attribution | null {
  const { words } = ctx;
  const leadFrom = leadingFrameStart(words, d.openW, opens, closes);
  for (let i = d.openW - 1; i >= leadFrom; i -= 1) {
    if (!isCue(words[i])) continue;
    const a = attributeAt(ctx, i, leadFrom, d.openW, false);
    if (a?.speaker && (a.kind === 'person' || a.kind === 'org')) return a;
  }
  return null;
}

/** A quotation opening the paragraph after one that ends with a colon (`Stone stated:`): that clause's speaker. */
function introducedByParagraphBefore(ctx: Context, openW: number): Attribution | null {
  const { words } = ctx;
  const colon = openW - 1;
  if (colon < 1 || words[colon].text !== ':' || words[colon].paragraph === words[openW].paragraph) return null;
  let from = colon;
  while (
    from > 0 &&
    colon - from < 40 &&
    words[from - 1].paragraph === words[colon].paragraph &&
    !isSentenceEnd(words[from - 1])
  )
    from -= 1;
  return findIntroducer(ctx, from, colon + 1);
}

/** The nearest person-like subject of a verb before a partial quotation (`al-Tamimi issued a warning to “...”`). */
function subjectOfClause(ctx: Context, from: number, openW: number): Attribution | null {
  const { words } = ctx;
  let fallback: Attribution | null = null;
  for (let i = openW - 1; i > from; i -= 1) {
    const w = words[i];
    if (w.pos !== 'VERB' || w.quoted) continue;
    const np = findSubjectBefore(words, i, from);
    if (!np || np === 'coordinated') continue;
    const r = resolvePhrase(ctx, np.from, np.to);
    if (r.kind === 'person') return { ...r, cue: null, outlet: null };
    if (!fallback && r.kind === 'org' && /^\p{Lu}/u.test(words[np.from].text))
      fallback = { ...r, cue: null, outlet: null };
  }
  return fallback;
}

/** Attribute every quotation of the article, then let those without a speaker take a neighbour's. */
export function attributeDirects(ctx: Context, directs: Direct[]): void {
  const { text, words } = ctx;
  const opens = new Set(directs.map((d) => d.span.open));
  const closes = new Set(directs.filter((d) => d.span.close !== null).map((d) => d.span.close as number));
  for (const d of directs)
    d.attribution = d.kind === 'scare' ? attributeScare(ctx, d, opens, closes) : attributeDirect(ctx, d, opens, closes);
  // quotes without their own attribution take their group's, their paragraph's, or the previous paragraph's
  const attributedGroup = new Map<number, Direct>();
  for (const d of directs) if (d.attribution?.speaker && !attributedGroup.has(d.group)) attributedGroup.set(d.group, d);
  for (let k = 0; k < directs.length; k += 1) {
    const d = directs[k];
    // a quotation with its own speaker, or attributed to someone unnamed (`said a senior adviser`), keeps that
    if (d.kind === 'scare' || d.attribution?.speaker || d.attribution?.mention) continue;
    let from: Direct | undefined = attributedGroup.get(d.group);
    if (!from && d.kind === 'full') {
      // look a few quotations either way in the same paragraph (bounded, to stay linear)
      for (let j = k - 1; j >= 0 && j >= k - 6 && !from; j -= 1) {
        const x = directs[j];
        if (x.span.paragraphStart !== d.span.paragraphStart) break;
        if (x.attribution?.speaker && x.kind === 'full') from = x;
      }
      for (let j = k + 1; j < directs.length && j <= k + 6 && !from; j += 1) {
        const x = directs[j];
        if (x.span.paragraphStart !== d.span.paragraphStart) break;
        if (x.attribution?.speaker && x.kind === 'full') from = x;
      }
      if (!from && d.span.open === d.span.paragraphStart && k > 0) {
        const x = directs[k - 1];
        const gap = text.slice(x.span.paragraphEnd, d.span.paragraphStart);
        if (x.attribution?.speaker && gap.trim() === '' && x.kind !== 'scare') from = x;
      }
    }
    if (!from && d.kind === 'partial' && k > 0) {
      const x = directs[k - 1];
      const between = x.closeW >= 0 ? words.slice(x.closeW + 1, d.openW) : [];
      if (
        x.closeW >= 0 &&
        x.span.paragraphStart === d.span.paragraphStart &&
        x.attribution?.speaker &&
        !between.some((w) => isSentenceEnd(w))
      )
        from = x;
    }
    if (from?.attribution)
      d.attribution = {
        ...from.attribution,
        cue: d.attribution?.cue ?? from.attribution.cue,
        outlet: d.attribution?.outlet ?? from.attribution.outlet,
      };
  }
  attributeLastResort(ctx, directs);
}

/**
 * Last resort for quotations still without a speaker or a description: the
 * learned ranker chooses among the people and groups named around them; the
 * sentence rule's choice is one of its features. `previous` is the speaker
 * the rules gave the nearest quotation before, so the choice never depends
 * on earlier choices of the model.
 */
function attributeLastResort(ctx: Context, directs: Direct[]): void {
  let previous: string | null = null;
  const chosen: [Direct, Attribution][] = [];
  for (const d of directs) {
    if (d.kind === 'scare') continue;
    if (d.attribution?.speaker || d.attribution?.mention) {
      previous = d.attribution.speaker ?? previous;
      continue;
    }
    const rule = findSentenceSpeaker(ctx, d.openW, d.closeW);
    const candidates = listCandidates(ctx, d.openW, d.closeW, previous, rule?.speaker ?? null);
    ctx.candidateLog?.push({ start: d.span.start, end: d.span.end, candidates });
    const pick = chooseSpeaker(candidates);
    if (pick)
      chosen.push([
        d,
        {
          speaker: pick.speaker,
          mention: pick.mention,
          kind: pick.kind,
          cue: d.attribution?.cue ?? null,
          outlet: d.attribution?.outlet ?? null,
        },
      ]);
  }
  for (const [d, a] of chosen) d.attribution = a;
}
