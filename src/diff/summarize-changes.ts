/**
 * diff: what changed between two versions of a statement, as typed changes with
 * a plain sentence each, plus a fidelity score. Works on the quote, its
 * sentence and its attribution; the word diff itself comes from word-diff.ts.
 */
import { analyzeText, type Token } from '../nlp/index.js';
import { isContent, lemmaKey, matchContent } from './content-words.js';
import { extractDates, isNumberUnit, markDateUnits } from './figures-and-dates.js';
import { consumeKeys, describePhrase, findMovedPhrases, splitWriterSegments } from './moved-phrases.js';
import { diffUnits, normalizeUnitKey, splitDiffUnits, type DiffUnit } from './word-diff.js';
import {
  listQuoted as quoted,
  type Change,
  type ChangeSummary,
  type SummarizeOptions,
  type VersionContext,
} from './change-types.js';
import { compareLoaded, isDefaultLoaded } from './loaded-changes.js';
import { compareNegation } from './negation-changes.js';

export type { Change, ChangeSummary, ChangeType, SummarizeOptions, VersionContext } from './change-types.js';
export { isDefaultLoaded } from './loaded-changes.js';

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
