/** diff: the shape of a change summary — versions, typed changes — and how change messages quote words. */
import type { DiffPart } from './word-diff.js';

/** One version of a statement as an article reports it. */
export interface VersionContext {
  /** the quoted words */
  quote: string;
  /** the text around the quote: its sentence, or a wider window such as its paragraph */
  sentence: string;
  /** offsets of the quote inside `sentence` (end exclusive) */
  quoteStart: number;
  quoteEnd: number;
  /** the speaker's name, or null when unknown */
  speaker: string | null;
  /** the words the article uses for the speaker here: "the Iraqi official" */
  speakerMention: string | null;
  /** the cue verb phrase: "told", "declared firmly" */
  cue: string | null;
  /** the outlet the statement was said to ("told Newsweek"), if given */
  outlet: string | null;
  /** quote kind: full, partial, scare, indirect */
  kind: string;
}

/** The kinds of change the summary reports. */
export type ChangeType =
  | 'negation-changed'
  | 'number-changed'
  | 'date-changed'
  | 'moved-out-of-quote'
  | 'moved-into-quote'
  | 'loaded-added'
  | 'speaker-label-changed'
  | 'cue-changed'
  | 'kind-changed'
  | 'words-dropped'
  | 'words-added';

/** One change, with a sentence for readers and the words involved. */
export interface Change {
  type: ChangeType;
  message: string;
  words: string[];
  /** the earlier and later wording, for changes that replace one with the other */
  earlier?: string | null;
  later?: string | null;
}

/** Options of summarizeChanges. */
export interface SummarizeOptions {
  /** whether a word (lemma and Universal POS tag) is loaded or an intensifier; defaults to data/diff-loaded-words.json */
  isLoaded?: (lemma: string, pos: string) => boolean;
}

/** The changes between two versions, most consequential first, with the word diff of the quotes. */
export interface ChangeSummary {
  changes: Change[];
  /** share of the earlier quote's content words (lemmas, stop words aside) the later quote keeps, 0..1 */
  fidelity: number;
  /** word diff of the two quotes, for renderDiff */
  parts: DiffPart[];
}

/** Words as change messages list them: 'a', 'b'. */
export function listQuoted(words: string[]): string {
  return words.map((w) => `'${w}'`).join(', ');
}
