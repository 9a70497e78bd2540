/**
 * quotes/resolve: a noun phrase ("Yasser", "the Iraqi official", "he", "the
 * coalition of militias") resolved to the fullest name the article gives.
 * All scans are bounded, so the work per quote is constant.
 */
import lexicon from '../../data/quotes/lexicon.json' with { type: 'json' };
import { findRunsIn, type Context, type Resolved } from './context.js';
import { findByFirstName, findBySurname, type People, type Person } from './people.js';
import { speakerKey } from '../speakers/index.js';
import { startsUpper, type Word } from './words.js';

const personRoleNouns = new Set(lexicon.personRoleNouns);
const groupNouns = new Set(lexicon.groupNouns);
const placeWords = new Set(lexicon.placeWords.map((w) => w.toLowerCase()));
const genericRoles = new Set(lexicon.genericRoles);
const titleRoles = new Set(lexicon.titleWords.map((w) => w.toLowerCase()));
const determiners = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those']);
const personPronouns = new Set(['he', 'she']);
const indefiniteWords = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'other']);
// people quoted without a name: a description with this head never borrows the last speaker's name
const anonymousHeads = new Set([
  'source',
  'sources',
  'insider',
  'person',
  'confidant',
  'man',
  'woman',
  'friend',
  'colleague',
  'supporter',
  'operative',
  'strategist',
  'veteran',
  'resident',
  'voter',
  'delegate',
  'attendee',
  'protester',
  'audience',
  'crowd',
  'narrator',
  'host',
  'moderator',
  'heckler',
]);
const groupPronouns = new Set(['they', 'we']);

/** Full name of a person: the fullest person in the article with the same surname. */
export function fullName(people: People, p: Person): string {
  const best = findBySurname(people, p.name);
  // only lengthen a name that the fuller one contains ("Trump" → "Donald Trump", not "Fuad Hussein" → "Saddam Hussein")
  return best && best.key.endsWith(` ${p.key}`) ? best.name : p.name;
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

/**
 * Resolve a person description ("the Iraqi official") to the person it most
 * likely names. An indefinite one (`a senior Cruz adviser`, `one source`)
 * brings in someone unnamed, except in a lede that names the speaker next. Anonymous heads (`the source`,
 * `the insider`) name only a person who holds that role in the article.
 */
function resolveDescription(ctx: Context, desc: string[], at: number, indefinite: boolean): Person | null {
  // only a lede's indefinite description (`A top adviser said …` before anyone is named) names the speaker who follows
  if (indefinite && (lastIndexBefore(ctx.speakers, at) >= 0 || lastIndexBefore(ctx.people.mentions, at) >= 0))
    return null;
  const head = desc[desc.length - 1];
  if (head) {
    const fits = (ctx.people.byRole.get(head) ?? []).filter((p) => desc.every((d) => p.roles.has(d)));
    if (fits.length > 0) {
      const { mentions } = ctx.people;
      // bounded look-back and look-ahead keep the work per quote constant
      const k0 = lastIndexBefore(mentions, at);
      for (let k = k0; k >= 0 && k0 - k < 200; k -= 1)
        if (mentions[k].person && fits.includes(mentions[k].person!)) return mentions[k].person;
      for (let k = k0 + 1; k < mentions.length && k - k0 < 200; k += 1)
        if (mentions[k].person && fits.includes(mentions[k].person!)) return mentions[k].person;
    }
  }
  // "the prime minister" names an office: without a person holding it, do not guess
  if (head && titleRoles.has(head) && !genericRoles.has(head)) return null;
  if (head && anonymousHeads.has(head)) return null;
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
  for (let i = from; i < to; i += 1)
    if (words[i].lower === 'of' && i > from) {
      headEnd = i;
      break;
    }
  const head = words[headEnd - 1];
  const headIsCommon =
    head &&
    !startsUpper(head.text) &&
    !head.lower.startsWith('al-') &&
    !head.lower.startsWith('el-') &&
    head.text !== '»';
  if (headIsCommon) {
    if (personRoleNouns.has(head.lower) || people.byRole.has(head.lower)) {
      const runs = findRunsIn(ctx, from, headEnd).filter((r) => r.kind === 'person');
      if (runs.length > 0) {
        const p = people.byKey.get(speakerKeyOf(runs[runs.length - 1].name, people));
        if (p) return { speaker: fullName(people, p), mention, kind: 'person' };
      }
      const p = resolveDescription(ctx, describe(words, from, headEnd), from, indefiniteWords.has(words[from].lower));
      return { speaker: p ? fullName(people, p) : null, mention, kind: p ? 'person' : null };
    }
    const group = mention.replace(/^(the|a|an|its|their)\s+/i, '');
    return groupNouns.has(head.lower)
      ? { speaker: group, mention, kind: 'org' }
      : { speaker: null, mention, kind: null };
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
      const p = findBySurname(people, run.name) ?? findByFirstName(people, run.name);
      if (p) return { speaker: fullName(people, p), mention, kind: 'person' };
      return { speaker: run.name, mention, kind: 'person' };
    }
  }
  // a place or other name as the whole subject speaks for its people: `Israel said`, `China warned`
  if (runs.length === 1 && runs[0].from === from && runs[0].to === to && runs[0].kind === 'other')
    return { speaker: runs[0].name.replace(/^the\s+/i, ''), mention, kind: 'org' };
  return { speaker: null, mention, kind: null };
}

function speakerKeyOf(name: string, people: People): string {
  const key = speakerKey(name);
  return people.byKey.has(key) ? key : '';
}
