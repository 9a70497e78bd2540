/**
 * diff: word-level diff of two versions of a statement.
 *
 * Words come from the NLP layer (offsets and whitespace kept), are grouped into
 * diff units (a currency sign with its number, a clitic with its word), and are
 * compared by a normalized key so that case, quote-mark style, dash style and
 * spacing are not reported as changes. The diff itself is jsdiff's diffArrays.
 */
import { diffArrays } from 'diff';
import { analyzeText, type Token } from '../nlp/index.js';

/** One word of a version as the diff sees it: one or more NLP tokens read as a whole. */
export interface DiffUnit {
  /** the unit exactly as written */
  text: string;
  /** what the comparator compares: case, quote style, dashes and digit grouping folded */
  key: string;
  /** character span in the version's text (end exclusive) */
  start: number;
  end: number;
  /** the whitespace before the unit in its text */
  space: string;
  /** the NLP tokens the unit was built from */
  tokens: Token[];
}

/** One run of the diff: words both versions share, or words only one of them has. */
export interface DiffPart {
  op: 'equal' | 'delete' | 'insert';
  /** the run as written in the earlier version (equal and delete) */
  a?: string;
  /** the run as written in the later version (equal and insert) */
  b?: string;
  /** whitespace before the run in the earlier version */
  spaceA?: string;
  /** whitespace before the run in the later version */
  spaceB?: string;
}

/** Every quotation mark outlets use, straight, curly, low and angle: one class. */
const QUOTE_MARKS = /["'“”„‟«»‹›‘’‚‛`´]/g;
const QUOTE_ONLY = /^["'“”„‟«»‹›‘’‚‛`´]+$/;
/** hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus. */
const DASHES = /[-‐‑‒–—―−]+/g;
/** Contraction pieces wink splits off a word ("ca" + "n't", "Movement" + "’s", "can" + "not"). */
const CLITIC = /^(?:n['’]t|not|['’](?:s|re|ll|ve|d|m|t))$/i;
/** Scale and percent suffixes written against a number ("2.5bn", "3.5%"). */
const NUMBER_SUFFIX = /^(?:%|k|m|mn|bn|b|tn|trn|million|billion)$/i;

/**
 * Fold a unit's text into its comparison key. Why each fold: outlets restyle
 * quotes (« » vs “ ”), dashes and digit grouping when they retell a statement,
 * and none of that changes what was said.
 */
export function normalizeUnitKey(text: string): string {
  let key = text.normalize('NFKC').toLowerCase();
  if (QUOTE_ONLY.test(key)) return '"';
  key = key.replace(QUOTE_MARKS, (m) =>
    m === '“' || m === '”' || m === '„' || m === '‟' || m === '«' || m === '»' || m === '‹' || m === '›' || m === '"'
      ? '"'
      : "'",
  );
  key = key.replace(DASHES, '-');
  // 2,500 and 2500 are the same figure; only commas between digits are folded
  key = key.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  return key;
}

function isNumberToken(t: Token): boolean {
  return t.type === 'number' || (t.pos === 'NUM' && /\d/.test(t.text));
}

/** Whether token `next` belongs to the unit that ends with `prev` (see module comment). */
function joinsPrevious(prev: Token, next: Token): boolean {
  const tight = next.space === '';
  if (prev.type === 'currency' && isNumberToken(next)) return tight || next.space === ' ';
  if (isNumberToken(prev) && tight && (next.type === 'currency' || NUMBER_SUFFIX.test(next.text))) return true;
  if (tight && prev.type === 'word' && CLITIC.test(next.text)) return true;
  return false;
}

/**
 * Split a text into diff units: NLP tokens, with currency signs joined to their
 * number (`$` + `35,000,000`), scale suffixes joined to theirs (`2.5` + `bn`) and
 * contractions kept as written (`cannot`, `won't`, `Movement's`), so that a figure
 * or a word is changed as a whole. Line breaks are spacing, not units.
 */
export function splitDiffUnits(text: string): DiffUnit[] {
  if (typeof text !== 'string') throw new TypeError(`diff: splitDiffUnits expects a string, got ${typeof text}`);
  const units: DiffUnit[] = [];
  let pendingSpace = '';
  for (const t of analyzeText(text).tokens) {
    if (t.type === 'tabCRLF' || t.text.trim() === '') {
      pendingSpace += t.space + t.text;
      continue;
    }
    const last = units[units.length - 1];
    if (last && pendingSpace === '' && joinsPrevious(last.tokens[last.tokens.length - 1], t)) {
      last.tokens.push(t);
      last.end = t.end;
      last.text = text.slice(last.start, last.end);
      last.key = normalizeUnitKey(last.text.replace(/\s+/g, ''));
      continue;
    }
    units.push({
      text: t.text,
      key: normalizeUnitKey(t.text),
      start: t.start,
      end: t.end,
      space: pendingSpace + t.space,
      tokens: [t],
    });
    pendingSpace = '';
  }
  return units;
}

/** Build a part from a run of units of one side, keeping that side's own text. */
function sliceRun(text: string, units: DiffUnit[]): string {
  return text.slice(units[0].start, units[units.length - 1].end);
}

/**
 * Diff two versions of a statement word by word. Returns runs in reading order;
 * a delete directly followed by an insert is a substitution. Each run keeps the
 * text of its own side, so each column can be shown in the outlet's own words.
 */
export function diffVersions(a: string, b: string): DiffPart[] {
  if (typeof a !== 'string' || typeof b !== 'string') {
    throw new TypeError(`diff: diffVersions expects two strings, got ${typeof a} and ${typeof b}`);
  }
  return diffUnits(a, splitDiffUnits(a), b, splitDiffUnits(b));
}

/** A run of the diff before rendering: shared units, or a change (deleted and/or inserted units). */
interface Run {
  equal: boolean;
  unitsA: DiffUnit[];
  unitsB: DiffUnit[];
}

/** A unit that carries no content of its own: stop words, punctuation, quote marks. */
function isWeakUnit(u: DiffUnit): boolean {
  return u.tokens.every((t) => t.stop || t.type === 'punctuation' || !/[\p{L}\p{N}]/u.test(t.text));
}

/**
 * Fold short islands of function words inside a rewrite into the change around
 * them. Myers' diff (jsdiff) aligns on any shared word, so a reworded sentence
 * comes out as `<del>x</del><ins>y</ins> the <del>…</del>` fragments; this is the
 * word-level form of the "semantic cleanup" in N. Fraser, Diff Strategies (2006):
 * an equality goes when the changes on both sides are much larger than it.
 */
function foldWeakIslands(runs: Run[]): Run[] {
  const out = [...runs];
  let k = 1;
  while (k < out.length - 1) {
    const [before, island, after] = [out[k - 1], out[k], out[k + 1]];
    const size = (r: Run) => r.unitsA.length + r.unitsB.length;
    if (
      island.equal &&
      !before.equal &&
      !after.equal &&
      island.unitsA.every(isWeakUnit) &&
      size(before) + size(after) >= 4 * island.unitsA.length
    ) {
      out.splice(k - 1, 3, {
        equal: false,
        unitsA: [...before.unitsA, ...island.unitsA, ...after.unitsA],
        unitsB: [...before.unitsB, ...island.unitsB, ...after.unitsB],
      });
      k = Math.max(1, k - 1);
    } else {
      k += 1;
    }
  }
  return out;
}

/** Diff already split units (lets callers that need the units split only once). */
export function diffUnits(a: string, unitsA: DiffUnit[], b: string, unitsB: DiffUnit[]): DiffPart[] {
  const changes = diffArrays(unitsA, unitsB, { comparator: (x, y) => x.key === y.key });
  const runs: Run[] = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    // jsdiff reports the new side's tokens for equal runs, so walk both arrays by count
    const takeA = c.added ? 0 : c.count;
    const takeB = c.removed ? 0 : c.count;
    const run: Run = {
      equal: !c.added && !c.removed,
      unitsA: unitsA.slice(ia, ia + takeA),
      unitsB: unitsB.slice(ib, ib + takeB),
    };
    ia += takeA;
    ib += takeB;
    if (run.unitsA.length + run.unitsB.length === 0) continue;
    const last = runs[runs.length - 1];
    // adjacent removals and additions form one change, read delete-then-insert
    if (last && !last.equal && !run.equal) {
      last.unitsA.push(...run.unitsA);
      last.unitsB.push(...run.unitsB);
    } else {
      runs.push(run);
    }
  }
  const parts: DiffPart[] = [];
  for (const run of foldWeakIslands(runs)) {
    if (run.equal) {
      parts.push({
        op: 'equal',
        a: sliceRun(a, run.unitsA),
        b: sliceRun(b, run.unitsB),
        spaceA: run.unitsA[0].space,
        spaceB: run.unitsB[0].space,
      });
      continue;
    }
    if (run.unitsA.length) parts.push({ op: 'delete', a: sliceRun(a, run.unitsA), spaceA: run.unitsA[0].space });
    if (run.unitsB.length) parts.push({ op: 'insert', b: sliceRun(b, run.unitsB), spaceB: run.unitsB[0].space });
  }
  return parts;
}
