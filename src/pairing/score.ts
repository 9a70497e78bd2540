/**
 * pairing: score two statements. The shorter statement is aligned with every
 * stretch (window) of the longer one, so a quote can pair with part of a longer
 * quote; words match exactly by lemma, or softly through word vectors
 * ("pledges" ~ "promises"), and names, numbers and dates only match exactly.
 * The window score is a weighted F1 of the two sides' coverage, in the spirit
 * of BERTScore's greedy matching (Zhang et al. 2020) with static vectors.
 */
import { diffArrays } from 'diff';
import { computeCosine } from '../vectors/table.js';
import type { ContentWord, StatementFeatures } from './features.js';
import type { SpeakerMatch } from '../speakers/index.js';
import type { Relation } from './index.js';

/** Similarity of two words with a shared stem. */
const STEM_SIMILARITY = 0.85;
/** Cosine below which two word vectors are unrelated. */
const COSINE_FLOOR = 0.35;
/** A soft match counts at most this much of an exact one. */
const SOFT_CAP = 0.9;
/** Score change when both speakers are known: same person / different people. */
const SAME_SPEAKER_BONUS = 0.08;
const OTHER_SPEAKER_PENALTY = 0.25;
/** Score change when the aligned stretches carry different numbers. */
const NUMBER_PENALTY = 0.3;
/** Score change when the different numbers sit in the claim that matched: the claim differs. */
const CLAIM_NUMBER_PENALTY = 0.5;
/** The evidence factor never exceeds this for statements of realistic length. */
const EVIDENCE_CAP = 1;
/** Matched weight at which a statement is long enough to trust its F1 fully. */
const EVIDENCE_HALF = 1.5;
/** Score change when a shared word is negated on one side only. */
const NEGATION_PENALTY = 0.3;
/** Share of the shorter statement's common-word weight that must find a partner. */
const NAMES_ONLY_SHARE = 0.15;
/** Weight a shared number or date adds when the words around it correspond too. */
const VALUE_SUPPORT = 1.5;
/** Weight a shared obligation ("must" ~ "is obligated to") adds on the same condition. */
const MODAL_SUPPORT = 0.8;
/** Similarity from which a neighbouring word pair anchors a shared value or modal. */
const ANCHOR_SIMILARITY = 0.4;
/** Content-word distance after a modal within which the partner's verb may follow ("must *quickly* leave"). */
const MODAL_REACH = 2;
/** Content-word distance within which a neighbour anchors, on both sides. */
const ANCHOR_REACH = 5;
/**
 * Words that frame a date ("by the *end* of next *year*"): a deadline shared
 * with its frame is still only a deadline, so they anchor nothing.
 */
const DATE_FRAME = new Set(['end', 'beginning', 'start', 'early', 'late', 'mid', 'middle', 'half', 'quarter', 'year', 'month', 'week', 'day', 'time', 'deadline', 'date', 'period', 'season']);
/** Exact-lemma F1 from which a reworded pair is a paraphrase rather than a gist. */
const PARAPHRASE_LEXICAL_F1 = 0.45;

/** A word-for-word substitution found by the alignment. */
export interface Substitution {
  from: string;
  to: string;
  similarity: number;
}

/** Everything the scorer found about two statements. */
export interface StatementScore {
  score: number;
  relation: Relation;
  reasons: string[];
  /** soft F1 of the best window before speaker/number adjustments */
  f1: number;
  /** exact-lemma F1 over the same window */
  lexicalF1: number;
  shared: string[];
  substitutions: Substitution[];
  /** the window of the longer statement, in content-word indices, and which side is longer */
  window: { side: 'a' | 'b'; start: number; end: number; of: number };
}

/** Do two words share a stem ("defend"/"defense", "Iraq"/"Iraqi", "occupy"/"occupier")? */
function shareStem(a: string, b: string): boolean {
  // cheap rejection first: this runs for every word pair of every candidate
  if (a.length < 4 || b.length < 4 || a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(3) !== b.charCodeAt(3)) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.startsWith(s) && l.length - s.length <= 3) return true;
  let p = 0;
  while (p < s.length && s[p] === l[p]) p += 1;
  return p >= 5 && p >= 0.75 * s.length;
}

/**
 * Is one word negated where the other is not? Only the first content word
 * after a cue counts as negated, and it contradicts only a partner outside any
 * negation, so "cannot withstand" and "will not be able to withstand" agree.
 */
function contradicts(a: ContentWord, b: ContentWord): boolean {
  return (a.negated && !b.inNegation) || (b.negated && !a.inNegation);
}

/** Similarity of two content words, 0..1. */
export function relateWords(a: ContentWord, b: ContentWord): number {
  let s = 0;
  if (a.key === b.key || a.lower === b.lower) s = 1;
  else if (a.kind !== b.kind && (a.kind === 'modal' || b.kind === 'modal')) s = 0;
  else if (a.kind === 'number' || b.kind === 'number' || a.kind === 'date' || b.kind === 'date') s = 0;
  else if (shareStem(a.key, b.key)) s = STEM_SIMILARITY;
  else if (a.kind === 'word' && b.kind === 'word' && a.vector && b.vector) {
    const c = computeCosine(a.vector, b.vector);
    s = Math.max(0, Math.min(1, (c - COSINE_FLOOR) / (1 - COSINE_FLOOR - 0.1))) * SOFT_CAP;
  }
  // "will withdraw" and "will not withdraw" share words but not the claim
  if (s > 0 && contradicts(a, b)) s *= 0.5;
  return s;
}

const NEGATION_WORDS = new Set(['not', "n't", 'no', 'never', 'cannot', "can't", "won't", "don't", "doesn't", "didn't", 'nothing', 'none', 'nobody', 'neither', 'nor', 'without']);

/** Normalize a text for the verbatim test: typographic quotes, dashes, spaces, edge punctuation. */
function normalizeVerbatim(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'.,;:…-]+|[\s"'.,;:…-]+$/g, '');
}

/** Is `needle` a contiguous run of `hay`? */
function containsRun(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The surface relation when the words themselves show it, else null. */
export function detectSurfaceRelation(a: StatementFeatures, b: StatementFeatures): 'verbatim' | 'near-verbatim' | 'trimmed' | null {
  if (normalizeVerbatim(a.text) === normalizeVerbatim(b.text)) return 'verbatim';
  const wa = a.words;
  const wb = b.words;
  if (!wa.length || !wb.length) return null;
  if (wa.length === wb.length && wa.every((w, i) => w === wb[i])) return 'near-verbatim';
  const [short, long, shortF] = wa.length <= wb.length ? [wa, wb, a] : [wb, wa, b];
  if (short.length >= 3 && shortF.content.length >= 2 && containsRun(long, short)) return 'trimmed';
  if (short.length >= 4 && Math.abs(wa.length - wb.length) <= 2) {
    let changed = 0;
    let negationChanged = false;
    for (const part of diffArrays(wa, wb)) {
      if (!part.added && !part.removed) continue;
      changed += part.count ?? part.value.length;
      // "will sign" / "will not sign" differ by one word and say the opposite
      if (part.value.some((w) => NEGATION_WORDS.has(w))) negationChanged = true;
    }
    // "a word or two": two changed words count as one substitution plus one edit
    if (changed <= 3 && Math.abs(wa.length - wb.length) <= 2 && !negationChanged) return 'near-verbatim';
  }
  return null;
}

/** Join the surface words of content words i..j of a statement. */
function spanText(words: ContentWord[], from: number, to: number): string {
  return words.slice(from, to + 1).map((w) => w.text).join(' ');
}

/** One aligned word pair: index in the shorter, index in the longer, similarity. */
type Link = [number, number, number];

/** Result of aligning the shorter statement with one window of the longer. */
interface WindowMatch {
  start: number;
  end: number;
  f1: number;
  /** matched weight of the shorter statement */
  matched: number;
  /** matched weight of the window */
  covered: number;
  links: Link[];
}

/** At most this many windows found by the fast search are re-aligned one-to-one. */
const WINDOWS_RESCORED = 24;

/**
 * Fast window search: each shorter word takes its best partner in the window
 * (partners may repeat), which bounds the one-to-one score from above. With
 * `support`, the most that shared values and modals can add (weighSupport),
 * `bound` also bounds the supported F1 of every window.
 */
function searchWindows(S: ContentWord[], L: ContentWord[], sim: Float64Array[], sWeight: number, support: number): { windows: { start: number; end: number; f1: number }[]; bound: number } {
  const ns = S.length;
  const nl = L.length;
  const colMax = new Float64Array(nl);
  for (let j = 0; j < nl; j += 1) for (let i = 0; i < ns; i += 1) colMax[j] = Math.max(colMax[j], sim[i][j]);
  // a window shorter than most of the shorter statement would let it match a
  // fragment; lengths count no modals: they stand for stop words ("has to")
  const countable = (w: ContentWord) => w.kind !== 'modal';
  const size = S.filter(countable).length;
  const lSize = L.filter(countable).length;
  const minLen = Math.min(lSize, Math.max(1, Math.ceil(size * 0.75)));
  const maxLen = Math.min(lSize, Math.ceil(size * 1.8) + 3);
  const rowMax = new Float64Array(ns);
  const found: { start: number; end: number; f1: number }[] = [];
  let bound = 0;
  for (let start = 0, before = 0; start < nl && lSize - before >= minLen; before += countable(L[start]) ? 1 : 0, start += 1) {
    rowMax.fill(0);
    let lWeight = 0;
    let lCovered = 0;
    let len = 0;
    for (let end = start; end < nl; end += 1) {
      if (countable(L[end])) len += 1;
      if (len > maxLen) break;
      lWeight += L[end].weight;
      lCovered += L[end].weight * colMax[end];
      for (let i = 0; i < ns; i += 1) if (sim[i][end] > rowMax[i]) rowMax[i] = sim[i][end];
      if (len < minLen || lWeight === 0) continue;
      let matched = 0;
      for (let i = 0; i < ns; i += 1) matched += S[i].weight * rowMax[i];
      const recall = matched / sWeight;
      const precision = lCovered / lWeight;
      const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
      found.push({ start, end: end + 1, f1 });
      const r = (matched + support) / (sWeight + support);
      const p = (lCovered + support) / (lWeight + support);
      bound = Math.max(bound, r + p ? (2 * r * p) / (r + p) : 0);
    }
  }
  const windows = found.sort((x, y) => y.f1 - x.f1 || (x.end - x.start) - (y.end - y.start)).slice(0, WINDOWS_RESCORED);
  return { windows, bound };
}

/** Greedy one-to-one alignment of the shorter statement with a window of the longer. */
function alignWindow(S: ContentWord[], L: ContentWord[], sim: Float64Array[], sWeight: number, start: number, end: number): WindowMatch {
  const cand: Link[] = [];
  for (let i = 0; i < S.length; i += 1) for (let j = start; j < end; j += 1) if (sim[i][j] > 0) cand.push([i, j, sim[i][j]]);
  cand.sort((x, y) => y[2] - x[2] || Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]));
  const usedS = new Set<number>();
  const usedL = new Set<number>();
  const links: Link[] = [];
  for (const link of cand) {
    if (usedS.has(link[0]) || usedL.has(link[1])) continue;
    usedS.add(link[0]);
    usedL.add(link[1]);
    links.push(link);
  }
  let matched = 0;
  let covered = 0;
  let lWeight = 0;
  for (let j = start; j < end; j += 1) lWeight += L[j].weight;
  for (const [i, j, s] of links) {
    matched += S[i].weight * s;
    covered += L[j].weight * s;
  }
  const recall = sWeight ? matched / sWeight : 0;
  const precision = lWeight ? covered / lWeight : 0;
  const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  return { start, end, f1, matched, covered, links };
}

/** Anchors a value needs around it: one corresponding word is a topic, two are a claim. */
const ANCHORS_NEEDED = 2;

/** Word pairs that can anchor a value: substantive words that correspond and agree in negation. */
function findAnchors(S: ContentWord[], L: ContentWord[], links: Link[]): Link[] {
  return links.filter(([i, j, s]) => s >= ANCHOR_SIMILARITY && S[i].kind === 'word' && L[j].kind === 'word' && !DATE_FRAME.has(S[i].key) && !DATE_FRAME.has(L[j].key) && !contradicts(S[i], L[j]));
}

/**
 * Do enough anchors lie near word i of the shorter and word j of the longer
 * statement, in their sentences and on the same side of both ("must leave ...
 * by 2025" / "must withdraw ... by 2025"; a word before the date on one side
 * and after it on the other belongs to another clause)?
 */
function isAnchored(S: ContentWord[], L: ContentWord[], anchors: Link[], i: number, j: number): boolean {
  let n = 0;
  for (const [i2, j2] of anchors) {
    if (S[i2].sentence !== S[i].sentence || L[j2].sentence !== L[j].sentence) continue;
    if (Math.sign(i2 - i) !== Math.sign(j2 - j)) continue;
    if (Math.abs(i2 - i) <= ANCHOR_REACH && Math.abs(j2 - j) <= ANCHOR_REACH) n += 1;
  }
  return n >= ANCHORS_NEEDED;
}

/**
 * Does the obligation at word i of the shorter statement bear on the same
 * action as its partner at j? The content word right after it ("must *leave*")
 * must correspond to one just after the partner ("is obligated to *withdraw*"):
 * "must publish" and "must cut" share the modal, not the claim.
 */
function governsSameVerb(S: ContentWord[], L: ContentWord[], anchors: Link[], i: number, j: number): boolean {
  const next = i + 1;
  if (next >= S.length || S[next].sentence !== S[i].sentence) return false;
  return anchors.some(([i2, j2]) => i2 === next && j2 > j && j2 <= j + MODAL_REACH && L[j2].sentence === L[j].sentence);
}

const isValue = (w: ContentWord) => w.kind === 'number' || w.kind === 'date';

/**
 * Weight of the shared numbers, dates and modals that the words around them
 * support. Alone they prove nothing (two statements can share a deadline and
 * nothing else), but "troops must leave by the end of 2025" retelling "forces
 * are obligated to withdraw by the end of 2025" shares the deadline and the
 * obligation *of the claim that matched*: each counts when substantive word
 * pairs within ANCHOR_REACH of it, in the same sentence on both sides,
 * correspond too.
 */
function weighSupport(S: ContentWord[], L: ContentWord[], links: Link[]): { weight: number; texts: string[] } {
  const anchors = findAnchors(S, L, links);
  let weight = 0;
  const texts: string[] = [];
  for (const [i, j] of links) {
    const w = S[i];
    const v = L[j];
    if (w.weight > 0 || w.key !== v.key || contradicts(w, v)) continue;
    if (w.kind === 'modal' ? !governsSameVerb(S, L, anchors, i, j) : !isValue(w) || !isAnchored(S, L, anchors, i, j)) continue;
    weight += w.kind === 'modal' ? MODAL_SUPPORT : VALUE_SUPPORT;
    texts.push(w.text);
  }
  return { weight, texts };
}

/** The most weighSupport can find: every value and modal of the shorter statement with a partner anywhere. */
function weighSupportAtMost(S: ContentWord[], L: ContentWord[]): number {
  let weight = 0;
  for (const w of S) {
    if (w.weight > 0 || !(w.kind === 'modal' || isValue(w)) || !L.some((v) => v.key === w.key)) continue;
    weight += w.kind === 'modal' ? MODAL_SUPPORT : VALUE_SUPPORT;
  }
  return weight;
}

/**
 * Do the two statements put different numbers or dates into the claim that
 * matched ("cut 500 jobs" / "cut 1,200 jobs")? A value of the shorter
 * statement missing from the window, facing one of the same kind that the
 * longer has instead, with the words around both corresponding.
 */
function findClaimValueClash(S: ContentWord[], L: ContentWord[], m: WindowMatch): boolean {
  const anchors = findAnchors(S, L, m.links);
  for (let i = 0; i < S.length; i += 1) {
    if (!isValue(S[i])) continue;
    for (let j = m.start; j < m.end; j += 1) {
      if (L[j].kind !== S[i].kind || L[j].key === S[i].key) continue;
      if (L.some((v, k) => k >= m.start && k < m.end && v.key === S[i].key) || S.some((w) => w.key === L[j].key)) continue;
      if (isAnchored(S, L, anchors, i, j)) return true;
    }
  }
  return false;
}

/**
 * Score two prepared statements. `speakers` says whether the speakers are the
 * same person, different known people, or unknown. With a `floor`, pairs that
 * provably score below it return early with an upper-bound score and no
 * details (the index passes its threshold here).
 */
export function scoreFeatures(a: StatementFeatures, b: StatementFeatures, speakers: SpeakerMatch = 'unknown', floor = 0): StatementScore {
  const weightOf = (f: StatementFeatures) => f.content.reduce((t, w) => t + w.weight, 0);
  const swap = weightOf(a) > weightOf(b) || (weightOf(a) === weightOf(b) && a.content.length > b.content.length);
  const S = (swap ? b : a).content; // shorter: aligned as a whole
  const L = (swap ? a : b).content; // longer: searched by window
  const nl = L.length;
  const sim: Float64Array[] = S.map((w) => Float64Array.from(L, (v) => relateWords(w, v)));
  const sWeight = S.reduce((t, w) => t + w.weight, 0);

  let best: WindowMatch = { start: 0, end: nl, f1: 0, matched: 0, covered: 0, links: [] };
  if (sWeight > 0 && nl) {
    const surfaceFirst = detectSurfaceRelation(a, b);
    // a surface relation fixes the score; one window is enough for the reasons
    const search = searchWindows(S, L, sim, sWeight, weighSupportAtMost(S, L));
    const windows = surfaceFirst ? search.windows.slice(0, 1) : search.windows;
    // the fast search bounds the one-to-one F1 from above: when even the bound
    // cannot reach `floor`, and the words show no surface relation, stop here
    const bound = search.bound;
    if (bound * EVIDENCE_CAP + SAME_SPEAKER_BONUS < floor && !surfaceFirst) {
      return { score: bound * EVIDENCE_CAP, relation: 'gist', reasons: ['too little in common'], f1: bound, lexicalF1: 0, shared: [], substitutions: [], window: { side: swap ? 'a' : 'b', start: 0, end: nl, of: nl } };
    }
    for (const w of windows) {
      // branch and bound: windows come in falling order of their bound
      if (w.f1 <= best.f1 + 1e-9) break;
      const m = alignWindow(S, L, sim, sWeight, w.start, w.end);
      if (m.f1 > best.f1 + 1e-9) best = m;
    }
    // the window grows over the weightless words at its edges ("... by the end
    // of *2025*"): its F1 stays, and a shared value there can support the claim
    let { start, end } = best;
    while (start > 0 && L[start - 1].weight === 0) start -= 1;
    while (end < nl && L[end].weight === 0) end += 1;
    if (best.f1 > 0 && (start < best.start || end > best.end)) best = alignWindow(S, L, sim, sWeight, start, end);
  }

  // exact-lemma F1 over the same window, what was shared, substituted, negated
  const shared = new Set<string>();
  const negatedDiff = new Set<string>();
  const substitutions: Substitution[] = [];
  let exactS = 0;
  let exactL = 0;
  for (const [i, j, s] of best.links) {
    if (contradicts(S[i], L[j]) && s >= STEM_SIMILARITY * 0.5) negatedDiff.add(S[i].text);
    else if (S[i].key === L[j].key) {
      exactS += S[i].weight;
      exactL += L[j].weight;
      if (S[i].weight > 0) shared.add(S[i].text);
    } else if (s >= 0.3) {
      // a shared stem ("Russia"/"Russian") is the same word for the relation
      if (s >= STEM_SIMILARITY) {
        exactS += S[i].weight;
        exactL += L[j].weight;
      }
      substitutions.push(swap ? { from: L[j].text, to: S[i].text, similarity: s } : { from: S[i].text, to: L[j].text, similarity: s });
    }
  }
  let lWin = 0;
  for (let j = best.start; j < best.end; j += 1) lWin += L[j].weight;
  const lr = sWeight ? exactS / sWeight : 0;
  const lp = lWin ? exactL / lWin : 0;
  const lexicalF1 = lr + lp ? (2 * lr * lp) / (lr + lp) : 0;

  // numbers and dates: shared ones support nothing alone, different ones count against
  const inWindow = (j: number) => j >= best.start && j < best.end;
  const strayS = S.filter((w) => isValue(w) && !L.some((v, j) => inWindow(j) && v.key === w.key));
  const strayL = L.filter((v, j) => inWindow(j) && isValue(v) && !S.some((w) => w.key === v.key));
  const numbersDiffer = strayS.some((w) => strayL.some((v) => v.kind === w.kind));

  // shared values and modals supported by the words around them add to both sides
  const support = weighSupport(S, L, best.links);
  const supportedRecall = (best.matched + support.weight) / (sWeight + support.weight);
  const supportedPrecision = lWin + support.weight ? (best.covered + support.weight) / (lWin + support.weight) : 0;
  const f1 = support.weight ? (2 * supportedRecall * supportedPrecision) / (supportedRecall + supportedPrecision) : best.f1;
  const matched = best.matched + support.weight;

  // short statements give little evidence: two shared words are not a claim
  let score = f1 * (matched / (matched + EVIDENCE_HALF));
  // who and where without what: shared names alone are not the same statement
  const wordWeight = S.reduce((t, w) => t + (w.kind === 'word' ? w.weight : 0), 0);
  const wordMatched = best.links.reduce((t, [i, , s]) => t + (S[i].kind === 'word' && s >= 0.5 ? S[i].weight * s : 0), 0);
  const namesOnly = wordWeight > 0 && wordMatched < NAMES_ONLY_SHARE * wordWeight;
  const surface = detectSurfaceRelation(a, b);
  if (surface === 'verbatim') score = 1;
  else if (surface === 'near-verbatim') score = Math.max(score, 0.95);
  else if (surface === 'trimmed') score = Math.max(score, 0.9);
  const reasons: string[] = [];
  if (surface) reasons.push(surface === 'trimmed' ? 'one quote is a contiguous part of the other' : `${surface} wording`);
  if (shared.size) reasons.push(`shared words: ${[...shared].join(', ')}`);
  if (support.texts.length) reasons.push(`shared in the matched claim: ${support.texts.join(', ')}`);
  const phrases = describeSubstitutions(S, L, best, swap);
  if (phrases.length) reasons.push(`substitutions: ${phrases.join('; ')}`);
  if (negatedDiff.size) {
    score -= NEGATION_PENALTY;
    reasons.push(`negation differs: ${[...negatedDiff].join(', ')}`);
  }
  if (nl > 0 && (best.start > 0 || best.end < nl)) {
    reasons.push(`${swap ? 'second' : 'first'} statement matches part of the ${swap ? 'first' : 'second'} (content words ${best.start + 1}–${best.end} of ${nl})`);
  }
  if (namesOnly && !surface) {
    score *= 0.5;
    reasons.push('little in common beyond names');
  }
  if (numbersDiffer) {
    score -= findClaimValueClash(S, L, best) ? CLAIM_NUMBER_PENALTY : NUMBER_PENALTY;
    reasons.push(`numbers or dates differ: ${strayS.map((w) => w.text).join(', ')} / ${strayL.map((w) => w.text).join(', ')}`);
  }
  if (speakers === 'same') {
    score += SAME_SPEAKER_BONUS;
    reasons.push('same speaker');
  } else if (speakers === 'different') {
    score -= OTHER_SPEAKER_PENALTY;
    reasons.push('different speakers');
  }
  score = Math.max(0, Math.min(1, score));
  const relation: Relation = surface ?? (lexicalF1 >= PARAPHRASE_LEXICAL_F1 ? 'paraphrase' : 'gist');
  return {
    score,
    relation,
    reasons,
    f1: best.f1,
    lexicalF1,
    shared: [...shared],
    substitutions,
    window: { side: swap ? 'a' : 'b', start: best.start, end: best.end, of: nl },
  };
}

/**
 * Describe substitutions as phrases: each soft match grows over the unmatched
 * content words next to it on both sides, so "occupying American forces →
 * occupiers" reads as one rewording. Written from the first statement's side.
 */
function describeSubstitutions(S: ContentWord[], L: ContentWord[], m: WindowMatch, swap: boolean): string[] {
  const linkedS = new Set(m.links.filter((l) => l[2] >= 0.3).map((l) => l[0]));
  const linkedL = new Set(m.links.filter((l) => l[2] >= 0.3).map((l) => l[1]));
  const out: string[] = [];
  const usedS = new Set<number>();
  const usedL = new Set<number>();
  for (const [i, j, s] of [...m.links].sort((x, y) => x[0] - y[0])) {
    if (s < 0.3 || S[i].key === L[j].key || usedS.has(i) || usedL.has(j)) continue;
    let s0 = i;
    let s1 = i;
    const free = (k: number) => !linkedS.has(k) && !usedS.has(k) && S[k].sentence === S[i].sentence && S[k].weight > 0;
    while (s0 > 0 && free(s0 - 1)) s0 -= 1;
    while (s1 < S.length - 1 && free(s1 + 1)) s1 += 1;
    let l0 = j;
    let l1 = j;
    const freeL = (k: number) => !linkedL.has(k) && !usedL.has(k) && L[k].sentence === L[j].sentence && L[k].weight > 0;
    while (l0 > m.start && freeL(l0 - 1)) l0 -= 1;
    while (l1 < m.end - 1 && freeL(l1 + 1)) l1 += 1;
    for (let k = s0; k <= s1; k += 1) usedS.add(k);
    for (let k = l0; k <= l1; k += 1) usedL.add(k);
    const from = spanText(S, s0, s1);
    const to = spanText(L, l0, l1);
    out.push(swap ? `${to} → ${from}` : `${from} → ${to}`);
  }
  return out;
}
