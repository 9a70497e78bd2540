/**
 * quotes/attribution: who said it. Finds the cue verb near a quotation, the
 * noun phrase that is its subject ("Yasser", "the Iraqi official", "he",
 * "the coalition of militias") and resolves that phrase to the fullest name
 * the article gives. All scans are bounded, so the work per quote is constant.
 */
import lexicon from '../../data/quotes/lexicon.json' with { type: 'json' };
import { findBySurname, findNameRuns, type NameRun, type People, type Person } from './people.js';
import { speakerKey } from '../speakers/index.js';
import { startsUpper, type Word } from './words.js';

const cueVerbs = new Set(lexicon.cueVerbs);
const indirectCueVerbs = new Set(lexicon.indirectCueVerbs);
const personRoleNouns = new Set(lexicon.personRoleNouns);
const groupNouns = new Set(lexicon.groupNouns);
const placeWords = new Set(lexicon.placeWords.map((w) => w.toLowerCase()));
const genericRoles = new Set(lexicon.genericRoles);
const titleRoles = new Set(lexicon.titleWords.map((w) => w.toLowerCase()));
const determiners = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those']);
const personPronouns = new Set(['he', 'she']);
const groupPronouns = new Set(['they', 'we']);
const sentenceEnds = new Set(['.', '!', '?']);

/** A resolved attribution. */
export interface Attribution {
  speaker: string | null;
  /** the words the text uses for the speaker ("the Iraqi official") */
  mention: string | null;
  cue: string | null;
  outlet: string | null;
  kind: 'person' | 'org' | null;
}

/** A speaker of the article found by name at a cue verb (for resolving descriptions). */
export interface NamedSpeaker {
  at: number;
  person: Person;
}

/** Shared state of one article's attribution. */
export interface Context {
  text: string;
  words: Word[];
  people: People;
  /** persons named as the subject of a cue verb, in text order */
  speakers: NamedSpeaker[];
  /** organisations named as the subject of a cue verb, in text order */
  groupSpeakers: { at: number; name: string }[];
  /**
   * Name runs by word range, filled by `findRunsIn`: the same subject is
   * resolved once per pass over the cue verbs (speakers, direct and indirect
   * quotes). Word flags are final before attribution starts, so runs never change.
   */
  nameRuns: Map<number, NameRun[]>;
  /** word indices opening an interview frame (`speaking to`, `interview with`), filled on first use */
  frameIntros: number[] | null;
  /** resolved noun phrases by word range (see `resolvePhrase`) */
  phrases: Map<number, Resolved>;
  /** true while `speakers` and `groupSpeakers` are still being filled */
  collecting: boolean;
  /** set while resolving when the answer leaned on speakers not yet collected */
  provisional: boolean;
}

/** A noun phrase resolved to a speaker. */
export type Resolved = Omit<Attribution, 'cue' | 'outlet'>;

/** The name runs in words [from, to) of the article (read-only; shared between callers). */
export function findRunsIn(ctx: Context, from: number, to: number): readonly NameRun[] {
  // word counts stay far below 2^26, so the pair packs into one safe integer
  const key = from * 67_108_864 + to;
  let runs = ctx.nameRuns.get(key);
  if (runs === undefined) {
    runs = findNameRuns(ctx.words, from, to, ctx.text);
    ctx.nameRuns.set(key, runs);
  }
  return runs;
}

/** True when the word is a cue verb (by lemma); `indirect` restricts to verbs of reported speech. */
export function isCue(w: Word, indirect = false): boolean {
  if (w.quoted || w.mark) return false;
  // a participle ("stating that") hangs on another clause's subject
  if (w.lower.endsWith('ing')) return false;
  if (w.pos !== 'VERB' && w.pos !== 'AUX') return false;
  return (indirect ? indirectCueVerbs : cueVerbs).has(w.lemma);
}

/** True when a word ends a sentence. */
export function isSentenceEnd(w: Word): boolean {
  // asked of nearly every word while frames are found: test the length before the set
  return w.text.length === 1 && sentenceEnds.has(w.text) && !w.quoted;
}

/** Full name of a person: the fullest person in the article with the same surname. */
function fullName(people: People, p: Person): string {
  const best = findBySurname(people, p.name);
  // only lengthen a name that the fuller one contains ("Trump" → "Donald Trump", not "Fuad Hussein" → "Saddam Hussein")
  return best && best.key.endsWith(` ${p.key}`) ? best.name : p.name;
}

/** Noun-phrase range [from, to) ending right before word index v, or null. */
export function findSubjectBefore(words: Word[], v: number, lower: number): { from: number; to: number } | 'coordinated' | null {
  let j = v - 1;
  let skipped = 0;
  while (j >= lower && skipped < 3 && (words[j].pos === 'ADV' || words[j].pos === 'AUX' || words[j].lower === 'not') && !words[j].quoted) {
    j -= 1;
    skipped += 1;
  }
  if (j < lower) return null;
  const to = j + 1;
  if (words[j].pos === 'CCONJ') return 'coordinated';
  if (words[j].pos === 'PRON') return personPronouns.has(words[j].lower) || groupPronouns.has(words[j].lower) ? { from: j, to } : null;
  let i = j;
  let from = to;
  while (i >= lower && to - i <= 14) {
    const w = words[i];
    if (w.quoted && !(w.mark && (w.text === '«' || w.text === '»'))) break;
    if (w.text === '«' || w.text === '»') {
      from = i;
      i -= 1;
      continue;
    }
    if (w.pos === 'PROPN' || w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'NUM' || w.lower === "'s" || w.lower === '’s' || (w.pos === 'X' && !w.mark)) {
      from = i;
      i -= 1;
      continue;
    }
    if (w.pos === 'DET') {
      from = i;
      const before = words[i - 1];
      if (before && i - 1 >= lower && (before.lower === 'of' || before.lower === 'in') && words[i - 2] && (words[i - 2].pos === 'NOUN' || words[i - 2].pos === 'NUM' || words[i - 2].pos === 'PROPN' || words[i - 2].pos === 'PRON')) {
        i -= 2;
        continue;
      }
      break;
    }
    if ((w.lower === 'of' || w.lower === 'in') && from < to && words[i - 1] && (words[i - 1].pos === 'NOUN' || words[i - 1].pos === 'PROPN' || words[i - 1].pos === 'NUM')) {
      i -= 1;
      continue;
    }
    break;
  }
  if (from >= to) return null;
  if (words[from].text === ',' ) return null;
  return { from, to };
}

/** Noun phrase right after word index v (inverted attribution: `said spokesman Hussein al-Musawi`). */
export function findSubjectAfter(words: Word[], v: number, upper: number): { from: number; to: number } | null {
  let i = v + 1;
  const from = i;
  while (i < upper && i - from < 12) {
    const w = words[i];
    if (w.quoted && w.text !== '«' && w.text !== '»') break;
    if (w.pos === 'PROPN' || w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'DET' || w.text === '«' || w.text === '»' || (w.pos === 'X' && !w.mark)) {
      i += 1;
      continue;
    }
    if (w.lower === 'of' && i > from) {
      i += 1;
      continue;
    }
    break;
  }
  return i > from ? { from, to: i } : null;
}

/**
 * The subject of a cue verb whose left neighbour is a comma: look at the
 * comma-separated segments of the clause (`Firas al-Yasir, a senior
 * representative of ..., stated`) and take the first that is a proper name.
 */
function findAppositiveSubject(ctx: Context, v: number, lower: number): { from: number; to: number } | null {
  const { words } = ctx;
  let s = v - 1;
  while (s > lower && v - s < 40 && !isSentenceEnd(words[s - 1]) && !(words[s - 1].mark && words[s - 1].quoted === false && words[s - 1].text !== '«' && words[s - 1].text !== '»')) s -= 1;
  const segments: { from: number; to: number }[] = [];
  let segStart = s;
  for (let i = s; i < v; i += 1) {
    if (words[i].text === ',') {
      if (i > segStart) segments.push({ from: segStart, to: i });
      segStart = i + 1;
    }
  }
  let orgSeg: { from: number; to: number } | null = null;
  for (const seg of segments) {
    if (hasVerb(words, seg.from, seg.to)) continue;
    const runs = findRunsIn(ctx, seg.from, seg.to);
    const first = words[seg.from];
    const startsWithName = runs.length > 0 && (runs[0].from === seg.from || (first.pos === 'DET' && runs[0].from === seg.from + 1));
    if (!startsWithName) continue;
    if (runs.some((r) => r.kind === 'person')) return seg;
    if (!orgSeg && runs.some((r) => r.kind === 'org' || r.kind === 'single')) orgSeg = seg;
  }
  return orgSeg;
}

function hasVerb(words: Word[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (words[i].pos === 'VERB' || words[i].pos === 'AUX') return true;
  return false;
}

/** The description words of a noun phrase (lower-case, no determiners or nationalities), up to "of". */
function describe(words: Word[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i += 1) {
    const w = words[i];
    if (w.lower === 'of') break;
    if (determiners.has(w.lower) || w.mark || placeWords.has(w.lower) || startsUpper(w.text)) continue;
    out.push(w.lower);
  }
  return out;
}

function lastIndexBefore<T extends { at: number }>(list: T[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The nearest person named before word index `at`. */
function nearestPersonBefore(ctx: Context, at: number): Person | null {
  const { mentions } = ctx.people;
  for (let k = lastIndexBefore(mentions, at), n = 0; k >= 0 && n < 50; k -= 1, n += 1) {
    if (mentions[k].kind === 'person' && mentions[k].person) return mentions[k].person;
  }
  return null;
}

/** Resolve a person description ("the Iraqi official") to the person it most likely names. */
function resolveDescription(ctx: Context, desc: string[], at: number): Person | null {
  const head = desc[desc.length - 1];
  if (head) {
    const fits = (ctx.people.byRole.get(head) ?? []).filter((p) => desc.every((d) => p.roles.has(d)));
    if (fits.length > 0) {
      const { mentions } = ctx.people;
      // bounded look-back and look-ahead keep the work per quote constant
      const k0 = lastIndexBefore(mentions, at);
      for (let k = k0; k >= 0 && k0 - k < 200; k -= 1) if (mentions[k].person && fits.includes(mentions[k].person!)) return mentions[k].person;
      for (let k = k0 + 1; k < mentions.length && k - k0 < 200; k += 1) if (mentions[k].person && fits.includes(mentions[k].person!)) return mentions[k].person;
    }
  }
  // "the prime minister" names an office: without a person holding it, do not guess
  if (head && titleRoles.has(head) && !genericRoles.has(head)) return null;
  const k = lastIndexBefore(ctx.speakers, at);
  if (k >= 0) return ctx.speakers[k].person;
  // speakers named later in the text may not be collected yet
  if (ctx.collecting) ctx.provisional = true;
  if (ctx.speakers.length > 0 && k + 1 < ctx.speakers.length) return ctx.speakers[k + 1].person;
  return nearestPersonBefore(ctx, at);
}

/**
 * Resolve a noun phrase [from, to) to a speaker. The same subject is met at
 * several cue verbs and quotations, so answers are kept per range — except
 * one that leaned on speakers not yet collected. The result is shared: read only.
 */
export function resolvePhrase(ctx: Context, from: number, to: number): Resolved {
  const key = from * 67_108_864 + to;
  const known = ctx.phrases.get(key);
  if (known !== undefined) return known;
  ctx.provisional = false;
  const resolved = resolvePhraseOnce(ctx, from, to);
  if (!ctx.provisional) ctx.phrases.set(key, resolved);
  return resolved;
}

function resolvePhraseOnce(ctx: Context, from: number, to: number): Resolved {
  const { words, text, people } = ctx;
  const mention = text.slice(words[from].start, words[to - 1].end).replace(/[«»]/g, '');
  const first = words[from];
  if (to - from === 1 && first.pos === 'PRON') {
    if (personPronouns.has(first.lower)) {
      const p = nearestPersonBefore(ctx, from);
      return { speaker: p ? fullName(people, p) : null, mention, kind: p ? 'person' : null };
    }
    const k = lastIndexBefore(ctx.groupSpeakers, from);
    if (k >= 0) return { speaker: ctx.groupSpeakers[k].name, mention, kind: 'org' };
    const { mentions } = people;
    for (let m = lastIndexBefore(mentions, from), n = 0; m >= 0 && n < 30; m -= 1, n += 1) {
      if (mentions[m].kind === 'org') return { speaker: mentions[m].name, mention, kind: 'org' };
    }
    return { speaker: null, mention, kind: null };
  }
  let headEnd = to;
  for (let i = from; i < to; i += 1) if (words[i].lower === 'of' && i > from) {
    headEnd = i;
    break;
  }
  const head = words[headEnd - 1];
  const headIsCommon = head && !startsUpper(head.text) && !head.lower.startsWith('al-') && !head.lower.startsWith('el-') && head.text !== '»';
  if (headIsCommon) {
    if (personRoleNouns.has(head.lower) || people.byRole.has(head.lower)) {
      const runs = findRunsIn(ctx, from, headEnd).filter((r) => r.kind === 'person');
      if (runs.length > 0) {
        const p = people.byKey.get(speakerKeyOf(runs[runs.length - 1].name, people));
        if (p) return { speaker: fullName(people, p), mention, kind: 'person' };
      }
      const p = resolveDescription(ctx, describe(words, from, headEnd), from);
      return { speaker: p ? fullName(people, p) : null, mention, kind: p ? 'person' : null };
    }
    const group = mention.replace(/^(the|a|an|its|their)\s+/i, '');
    return groupNouns.has(head.lower) ? { speaker: group, mention, kind: 'org' } : { speaker: null, mention, kind: null };
  }
  const runs = findRunsIn(ctx, from, to);
  for (let r = runs.length - 1; r >= 0; r -= 1) {
    const run = runs[r];
    if (run.kind === 'person') {
      const p = people.byKey.get(speakerKeyOf(run.name, people));
      return { speaker: p ? fullName(people, p) : run.name, mention, kind: 'person' };
    }
  }
  for (let r = runs.length - 1; r >= 0; r -= 1) {
    const run = runs[r];
    if (run.kind === 'org') return { speaker: run.name.replace(/^the\s+/i, ''), mention, kind: 'org' };
    if (run.kind === 'single') {
      const p = findBySurname(people, run.name);
      if (p) return { speaker: fullName(people, p), mention, kind: 'person' };
      return { speaker: run.name, mention, kind: 'person' };
    }
  }
  return { speaker: null, mention, kind: null };
}

function speakerKeyOf(name: string, people: People): string {
  const key = speakerKey(name);
  return people.byKey.has(key) ? key : '';
}

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
    if (((w.lower === 'speaking' || w.lower === 'talking') && words[i + 1].lower === 'to') || (w.lower === 'interview' && words[i + 1].lower === 'with')) out.push(i);
  }
  return out;
}

/**
 * The subject noun phrase of cue verb index v within the frame [lower, upper)
 * (the first step of `attributeAt`), or null.
 */
export function findSubjectAt(ctx: Context, v: number, lower: number, upper: number, allowInverted: boolean): { from: number; to: number } | null {
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
export function attributeAt(ctx: Context, v: number, lower: number, upper: number, allowInverted: boolean): Attribution | null {
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
  return { speaker: resolved.speaker, mention: resolved.mention, kind: resolved.kind, cue: cuePhrase(words, v), outlet };
}
