/**
 * diff: what changed between two versions of a statement, as typed changes with
 * a plain sentence each, plus a fidelity score. Works on the quote, its
 * sentence and its attribution; the word diff itself comes from word-diff.ts.
 */
import loadedWords from '../../data/diff-loaded-words.json' with { type: 'json' };
import { analyzeText, type Token } from '../nlp/index.js';
import { isContent, lemmaKey, matchContent } from './content-words.js';
import { extractDates, isNumberUnit, markDateUnits } from './figures-and-dates.js';
import { consumeKeys, describePhrase, findMovedPhrases, splitWriterSegments } from './moved-phrases.js';
import { diffUnits, normalizeUnitKey, splitDiffUnits, type DiffPart, type DiffUnit } from './word-diff.js';

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

const INTENSIFIERS = new Set(loadedWords.intensifiers);
const LOADED = new Set([...loadedWords.intensifiers, ...loadedWords.loaded]);

/** Default loaded-word test: the small list in data/diff-loaded-words.json. */
export function isDefaultLoaded(lemma: string, pos: string): boolean {
  void pos;
  return LOADED.has(lemma.toLowerCase());
}

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'nowhere',
  'cannot',
  'without',
]);

function quoted(words: string[]): string {
  return words.map((w) => `'${w}'`).join(', ');
}

function foldPhrase(text: string | null): string {
  return text === null ? '' : normalizeUnitKey(text.trim().replace(/\s+/g, ' '));
}

/**
 * A name's consonant skeleton, so that transliterations of one name (al-Yasser,
 * al-Yasir; Musawi, Moussawi) are not reported as a new label when only the
 * names are known.
 */
function skeletonName(name: string | null): string {
  if (!name) return '';
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(
      (w) =>
        w[0] +
        w
          .slice(1)
          .replace(/[aeiouyw]/g, '')
          .replace(/(.)\1+/g, '$1'),
    )
    .join(' ');
}

function formatCue(v: VersionContext): string | null {
  const cue = v.cue?.trim() || null;
  const outlet = v.outlet?.trim() || null;
  if (!cue) return outlet ? `to ${outlet}` : null;
  if (!outlet) return cue;
  // "told Newsweek" reads as written; other cues need the preposition
  return /\btold$|\btells?$/i.test(cue) ? `${cue} ${outlet}` : `${cue} to ${outlet}`;
}

function keyCue(v: VersionContext): string {
  const lemmas = v.cue
    ? analyzeText(v.cue)
        .tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text))
        .map((t) => t.lemma)
    : [];
  return `${lemmas.join(' ')}|${foldPhrase(v.outlet)}`;
}

function describeReplacement(what: string, earlier: string | null, later: string | null): string {
  if (earlier && later) return `${what} changed from '${earlier}' to '${later}'`;
  if (earlier) return `${what} '${earlier}' dropped`;
  return `${what} '${later}' added`;
}

/**
 * Negation that changed between the quotes. wink marks every token up to the end
 * of a clause as negated, so a flag alone would call "advanced strikes" negated in
 * "cannot withstand the advanced strikes"; we compare the words a negation governs
 * (the first content word or verb after it) against the other version's flags.
 */
function compareNegation(a: Token[], b: Token[], writtenAs: (t: Token) => string): Change[] {
  const isNegation = (t: Token) => NEGATIONS.has(t.lemma) || NEGATIONS.has(t.text.toLowerCase());
  const heads = (tokens: Token[]) => {
    const found: Token[] = [];
    tokens.forEach((t, i) => {
      if (!isNegation(t)) return;
      const head = tokens.slice(i + 1).find((x) => !isNegation(x) && (isContent(x) || x.pos === 'VERB'));
      // a word past the end of wink's scope ("not, firmly") is not governed by the negation
      if (head?.negated) found.push(head);
    });
    return found;
  };
  const flagOf = (tokens: Token[], lemma: string) => {
    const same = tokens.filter((t) => t.lemma === lemma);
    return same.length === 0 ? undefined : same.some((t) => t.negated);
  };
  const negWords = (tokens: Token[]) => tokens.filter(isNegation).map(writtenAs);
  const lost = heads(a)
    .filter((h) => flagOf(b, h.lemma) === false)
    .map((h) => h.text);
  const gained = heads(b)
    .filter((h) => flagOf(a, h.lemma) === false)
    .map((h) => h.text);
  const wa = negWords(a);
  const wb = negWords(b);
  const changes: Change[] = [];
  if (lost.length > 0 || (gained.length === 0 && wa.length > 0 && wb.length === 0)) {
    changes.push({
      type: 'negation-changed',
      message: lost.length
        ? `Negation dropped: ${quoted(lost)} no longer negated in the later version`
        : `Negation dropped: ${quoted(wa)} no longer in the quote`,
      words: [...wa, ...lost],
      earlier: wa.join(' ') || null,
      later: wb.join(' ') || null,
    });
  }
  if (gained.length > 0 || (lost.length === 0 && wb.length > 0 && wa.length === 0)) {
    changes.push({
      type: 'negation-changed',
      message: gained.length
        ? `Negation added: ${quoted(gained)} negated in the later version`
        : `Negation added: ${quoted(wb)} now in the quote`,
      words: [...wb, ...gained],
      earlier: wa.join(' ') || null,
      later: wb.join(' ') || null,
    });
  }
  return changes;
}

/** Figures or dates that differ between the quotes, paired in order where both sides changed. */
function compareValues(
  type: 'number-changed' | 'date-changed',
  what: string,
  a: { text: string; key: string }[],
  b: { text: string; key: string }[],
): Change[] {
  const left = [...a];
  const right = [...b];
  for (let i = left.length - 1; i >= 0; i -= 1) {
    const at = right.findIndex((x) => x.key === left[i].key);
    if (at >= 0) {
      right.splice(at, 1);
      left.splice(i, 1);
    }
  }
  const changes: Change[] = [];
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i += 1) {
    const e = left[i]?.text ?? null;
    const l = right[i]?.text ?? null;
    changes.push({
      type,
      message: `${describeReplacement(what, e, l)}${e && l ? '' : e ? ' from the quote' : ' to the quote'}`,
      words: [e, l].filter((x): x is string => x !== null),
      earlier: e,
      later: l,
    });
  }
  return changes;
}

/**
 * Summarize what changed from the earlier version of a statement to the later
 * one: negation, figures and dates, words moved across the quote marks, loaded
 * words added, speaker label, cue and kind, then content words dropped and added
 * (most consequential first). Fidelity is the share of the earlier quote's
 * content lemmas the later quote keeps (1 when the earlier has none).
 */
export function summarizeChanges(
  earlier: VersionContext,
  later: VersionContext,
  opts: SummarizeOptions = {},
): ChangeSummary {
  for (const v of [earlier, later]) {
    if (!v || typeof v.quote !== 'string' || typeof v.sentence !== 'string')
      throw new TypeError('diff: summarizeChanges expects versions with string quote and sentence');
  }
  const isLoaded = opts.isLoaded ?? isDefaultLoaded;
  const unitsA = splitDiffUnits(earlier.quote);
  const unitsB = splitDiffUnits(later.quote);
  const parts = diffUnits(earlier.quote, unitsA, later.quote, unitsB);
  const tokensA = unitsA.flatMap((u) => u.tokens);
  const tokensB = unitsB.flatMap((u) => u.tokens);
  const matched = matchContent(tokensA, tokensB);
  let dropped = matched.dropped;
  let added = matched.added;
  const totalA = matched.kept + dropped.length;
  const fidelity = totalA === 0 ? 1 : matched.kept / totalA;

  const changes: Change[] = [];
  // negation words are shown as written: "cannot", not wink's "not"
  const unitOf = new Map([...unitsA, ...unitsB].flatMap((u) => u.tokens.map((t) => [t, u.text] as const)));
  changes.push(...compareNegation(tokensA, tokensB, (t) => unitOf.get(t) ?? t.text));

  const datesA = markDateUnits(unitsA);
  const datesB = markDateUnits(unitsB);
  const movedOut = findMovedPhrases(earlier.quote, unitsA, splitWriterSegments(later), new Set(dropped.map(lemmaKey)));
  const movedIn = findMovedPhrases(later.quote, unitsB, splitWriterSegments(earlier), new Set(added.map(lemmaKey)));
  const movedUnits = new Set([...movedOut, ...movedIn].flatMap((m) => m.units));
  const notMoved = <T extends { start: number }>(units: DiffUnit[], list: T[]) =>
    list.filter((x) => !units.some((u) => movedUnits.has(u) && u.start <= x.start && x.start < u.end));

  const figures = (units: DiffUnit[], dates: boolean[]) =>
    units.filter((u, i) => isNumberUnit(u) && !dates[i]).map((u) => ({ text: u.text, key: u.key, start: u.start }));
  const datesOf = (text: string, units: DiffUnit[]) =>
    extractDates(units).map((d) => ({ ...d, text: text.slice(d.start, d.end) }));
  changes.push(
    ...compareValues(
      'number-changed',
      'Figure',
      notMoved(unitsA, figures(unitsA, datesA)),
      notMoved(unitsB, figures(unitsB, datesB)),
    ),
  );
  changes.push(
    ...compareValues(
      'date-changed',
      'Date',
      notMoved(unitsA, datesOf(earlier.quote, unitsA)),
      notMoved(unitsB, datesOf(later.quote, unitsB)),
    ),
  );

  for (const m of movedOut) {
    changes.push({
      type: 'moved-out-of-quote',
      message: `${describePhrase(m, datesA, unitsA)} '${m.text}' moved from inside the quote into the writer's sentence`,
      words: [m.text],
    });
    dropped = consumeKeys(dropped, m.keys);
  }
  for (const m of movedIn) {
    changes.push({
      type: 'moved-into-quote',
      message: `${describePhrase(m, datesB, unitsB)} '${m.text}' moved from the writer's sentence into the quote`,
      words: [m.text],
    });
    added = consumeKeys(added, m.keys);
  }

  changes.push(...compareLoaded(earlier, later, tokensA, tokensB, isLoaded));

  const labelA = earlier.speakerMention?.trim() || earlier.speaker?.trim() || null;
  const labelB = later.speakerMention?.trim() || later.speaker?.trim() || null;
  const byMention = Boolean(earlier.speakerMention?.trim() || later.speakerMention?.trim());
  const differ = byMention ? foldPhrase(labelA) !== foldPhrase(labelB) : skeletonName(labelA) !== skeletonName(labelB);
  if ((labelA || labelB) && differ) {
    changes.push({
      type: 'speaker-label-changed',
      message: describeReplacement('Speaker label', labelA, labelB),
      words: [labelA, labelB].filter((x): x is string => x !== null),
      earlier: labelA,
      later: labelB,
    });
  }
  const cueA = formatCue(earlier);
  const cueB = formatCue(later);
  if ((cueA || cueB) && keyCue(earlier) !== keyCue(later)) {
    changes.push({
      type: 'cue-changed',
      message: describeReplacement('Cue', cueA, cueB),
      words: [cueA, cueB].filter((x): x is string => x !== null),
      earlier: cueA,
      later: cueB,
    });
  }
  if (earlier.kind !== later.kind) {
    changes.push({
      type: 'kind-changed',
      message: `Quote changed from ${earlier.kind} to ${later.kind}`,
      words: [],
      earlier: earlier.kind,
      later: later.kind,
    });
  }

  // figures and dates have their own entries above
  const isValue = (units: DiffUnit[], dates: boolean[]) => (t: Token) => {
    const at = units.findIndex((u) => u.tokens.includes(t));
    return at >= 0 && (isNumberUnit(units[at]) || dates[at]);
  };
  const droppedWords = dropped.filter((t) => !isValue(unitsA, datesA)(t)).map((t) => t.text);
  const addedWords = added.filter((t) => !isValue(unitsB, datesB)(t)).map((t) => t.text);
  if (droppedWords.length)
    changes.push({
      type: 'words-dropped',
      message: `Dropped from the quote: ${quoted(droppedWords)}`,
      words: droppedWords,
    });
  if (addedWords.length)
    changes.push({ type: 'words-added', message: `Added to the quote: ${quoted(addedWords)}`, words: addedWords });
  return { changes, fidelity, parts };
}

/** Loaded words the later version brings into the quote, the cue or the speaker label. */
function compareLoaded(
  earlier: VersionContext,
  later: VersionContext,
  tokensA: Token[],
  tokensB: Token[],
  isLoaded: (lemma: string, pos: string) => boolean,
): Change[] {
  const places = (v: VersionContext, quoteTokens: Token[]) => [
    { where: 'the quote', tokens: quoteTokens },
    { where: 'the cue', tokens: v.cue ? analyzeText(v.cue).tokens : [] },
    { where: 'the speaker label', tokens: v.speakerMention ? analyzeText(v.speakerMention).tokens : [] },
  ];
  const before = new Set(
    places(earlier, tokensA)
      .flatMap((p) => p.tokens)
      .filter((t) => isLoaded(t.lemma, t.pos))
      .map((t) => t.lemma),
  );
  const changes: Change[] = [];
  for (const { where, tokens } of places(later, tokensB)) {
    for (const t of tokens) {
      if (t.type !== 'word' || before.has(t.lemma) || !isLoaded(t.lemma, t.pos)) continue;
      before.add(t.lemma);
      const label = INTENSIFIERS.has(t.lemma) ? 'Intensifier' : 'Loaded word';
      changes.push({ type: 'loaded-added', message: `${label} '${t.text}' added to ${where}`, words: [t.text] });
    }
  }
  return changes;
}
