/**
 * quotes/subjects: the noun phrase that is the subject of a cue verb — before
 * it (`Yasser said`), after it (`said spokesman Hussein al-Musawi`) or the
 * proper name among the comma-separated parts of the clause.
 */
import { findRunsIn, isSentenceEnd, type Context } from './context.js';
import type { Word } from './words.js';

const personPronouns = new Set(['he', 'she']);
const groupPronouns = new Set(['they', 'we']);
const possessives = new Set(['his', 'her', 'their', 'its']);
// a time between the subject and its verb (`Priebus later Thursday told`) is no subject
const timeWords = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'night',
]);

/** Noun-phrase range [from, to) ending right before word index v, or null. */
export function findSubjectBefore(
  words: Word[],
  v: number,
  lower: number,
): { from: number; to: number } | 'coordinated' | null {
  let j = v - 1;
  let skipped = 0;
  while (
    j >= lower &&
    skipped < 3 &&
    (words[j].pos === 'ADV' || words[j].pos === 'AUX' || words[j].lower === 'not' || timeWords.has(words[j].lower)) &&
    !words[j].quoted
  ) {
    j -= 1;
    skipped += 1;
  }
  // a party and state tag between the name and the verb: `Sen. Marco Rubio (R-Fla.) said`
  if (j > lower && words[j].text === ')') {
    let k = j - 1;
    while (k > lower && j - k < 8 && words[k].text !== '(') k -= 1;
    if (words[k].text === '(') j = k - 1;
  }
  if (j < lower) return null;
  const to = j + 1;
  if (words[j].pos === 'CCONJ') return 'coordinated';
  if (words[j].pos === 'PRON')
    return personPronouns.has(words[j].lower) || groupPronouns.has(words[j].lower) ? { from: j, to } : null;
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
    if (
      w.pos === 'PROPN' ||
      w.pos === 'NOUN' ||
      w.pos === 'ADJ' ||
      w.pos === 'NUM' ||
      w.lower === "'s" ||
      w.lower === '’s' ||
      (w.pos === 'X' && !w.mark)
    ) {
      from = i;
      i -= 1;
      continue;
    }
    if (w.pos === 'DET') {
      from = i;
      const before = words[i - 1];
      if (
        before &&
        i - 1 >= lower &&
        (before.lower === 'of' || before.lower === 'in') &&
        words[i - 2] &&
        (words[i - 2].pos === 'NOUN' ||
          words[i - 2].pos === 'NUM' ||
          words[i - 2].pos === 'PROPN' ||
          words[i - 2].pos === 'PRON')
      ) {
        i -= 2;
        continue;
      }
      break;
    }
    if (
      (w.lower === 'of' || w.lower === 'in') &&
      from < to &&
      words[i - 1] &&
      (words[i - 1].pos === 'NOUN' || words[i - 1].pos === 'PROPN' || words[i - 1].pos === 'NUM')
    ) {
      i -= 1;
      continue;
    }
    break;
  }
  if (from >= to) return null;
  if (words[from].text === ',') return null;
  return { from, to };
}

/** Noun phrase right after word index v (inverted attribution: `said spokesman Hussein al-Musawi`). */
export function findSubjectAfter(words: Word[], v: number, upper: number): { from: number; to: number } | null {
  let i = v + 1;
  const from = i;
  while (i < upper && i - from < 12) {
    const w = words[i];
    if (w.quoted && w.text !== '«' && w.text !== '»') break;
    if (
      w.pos === 'PROPN' ||
      w.pos === 'NOUN' ||
      w.pos === 'ADJ' ||
      w.pos === 'DET' ||
      w.text === '«' ||
      w.text === '»' ||
      (w.pos === 'X' && !w.mark)
    ) {
      i += 1;
      continue;
    }
    if (w.lower === 'of' && i > from) {
      i += 1;
      continue;
    }
    // `added his campaign manager Jeff Weaver`
    if (i === from && possessives.has(w.lower)) {
      i += 1;
      continue;
    }
    break;
  }
  return i > from && !(i === from + 1 && possessives.has(words[from].lower)) ? { from, to: i } : null;
}

/**
 * The subject of a cue verb whose left neighbour is a comma: look at the
 * comma-separated segments of the clause (`Firas al-Yasir, a senior
 * representative of ..., stated`) and take the first that is a proper name.
 */
export function findAppositiveSubject(ctx: Context, v: number, lower: number): { from: number; to: number } | null {
  const { words } = ctx;
  let s = v - 1;
  while (
    s > lower &&
    v - s < 40 &&
    !isSentenceEnd(words[s - 1]) &&
    !(words[s - 1].mark && words[s - 1].quoted === false && words[s - 1].text !== '«' && words[s - 1].text !== '»')
  )
    s -= 1;
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
    const startsWithName =
      runs.length > 0 && (runs[0].from === seg.from || (first.pos === 'DET' && runs[0].from === seg.from + 1));
    if (!startsWithName) continue;
    if (runs.some((r) => r.kind === 'person')) return seg;
    if (!orgSeg && runs.some((r) => r.kind === 'org' || r.kind === 'single')) orgSeg = seg;
  }
  return orgSeg;
}

/** True when words [from, to) hold a verb. */
export function hasVerb(words: Word[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (words[i].pos === 'VERB' || words[i].pos === 'AUX') return true;
  return false;
}
