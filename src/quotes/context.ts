/**
 * quotes/context: the shared state of one article's attribution (words,
 * people, speakers found so far, caches) and the word tests every step asks.
 */
import lexicon from '../../data/quotes/lexicon.json' with { type: 'json' };
import { findNameRuns, type NameRun, type People, type Person } from './people.js';
import type { Candidate } from './speaker-candidates.js';
import type { Word } from './words.js';

const cueVerbs = new Set(lexicon.cueVerbs);
const indirectCueVerbs = new Set(lexicon.indirectCueVerbs);
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
  /** when present, every last-resort quotation's candidates are added to it (for training the ranker) */
  candidateLog?: { start: number; end: number; candidates: Candidate[] }[];
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
