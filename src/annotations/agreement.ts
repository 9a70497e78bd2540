/**
 * Agreement between reviewers who annotated the same article, per tag and
 * token by token: each reviewer's tokens are "marked" (inside one of their
 * spans with that tag) or not. Cohen's kappa for two reviewers (Cohen 1960),
 * Krippendorff's alpha for nominal data for more (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"), which also copes with
 * missing values. Pure: text and spans in, figures out.
 */
import { analyzeText } from '../nlp/index.js';

/** A nominal value; null is a missing value. */
export type Label = string | number | boolean | null;

/**
 * Cohen's kappa of two raters' labels for the same units: (po − pe) / (1 − pe).
 * Units either rater left missing are skipped. Null when it is undefined
 * (no units, or both raters used one and the same value throughout).
 */
export function computeCohenKappa(a: readonly Label[], b: readonly Label[]): number | null {
  if (a.length !== b.length) throw new RangeError(`agreement: the raters labelled ${a.length} and ${b.length} units`);
  const countsA = new Map<Label, number>();
  const countsB = new Map<Label, number>();
  let n = 0;
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === null || b[i] === null) continue;
    n++;
    if (a[i] === b[i]) agree++;
    countsA.set(a[i], (countsA.get(a[i]) ?? 0) + 1);
    countsB.set(b[i], (countsB.get(b[i]) ?? 0) + 1);
  }
  if (n === 0) return null;
  let expected = 0;
  for (const [value, ca] of countsA) expected += (ca / n) * ((countsB.get(value) ?? 0) / n);
  if (expected >= 1) return null;
  return (agree / n - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha for nominal data: 1 − Do/De from the coincidence matrix.
 * `data[coder][unit]`, null where the coder gave no value. Units with fewer
 * than two values are not pairable and left out. Null when undefined (fewer
 * than two pairable values, or only one value in use).
 */
export function computeKrippendorffAlpha(data: readonly (readonly Label[])[]): number | null {
  const units = Math.max(0, ...data.map((row) => row.length));
  // coincidences o[c][k], kept as a map of maps keyed by value
  const o = new Map<Label, Map<Label, number>>();
  const add = (c: Label, k: Label, w: number) => {
    let row = o.get(c);
    if (!row) o.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  for (let u = 0; u < units; u++) {
    const values = data.map((row) => row[u] ?? null).filter((v): v is Exclude<Label, null> => v !== null);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i], values[j], 1 / (m - 1));
  }
  const marginals = new Map<Label, number>();
  let n = 0;
  let observed = 0;
  for (const [c, row] of o) {
    for (const [k, w] of row) {
      marginals.set(c, (marginals.get(c) ?? 0) + w);
      n += w;
      if (c !== k) observed += w;
    }
  }
  if (n < 2) return null;
  let expectedPairs = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expectedPairs += nc * nk;
  if (expectedPairs === 0) return null;
  return 1 - ((n - 1) * observed) / expectedPairs;
}

/** One reviewer's tagged span. */
export interface ReviewerSpan {
  reviewer: string;
  tagId: string;
  start: number;
  /** End exclusive. */
  end: number;
}

/** A stretch where the reviewers did not all mark the same tokens. */
export interface Disagreement {
  start: number;
  end: number;
  text: string;
  /** Reviewers who marked it with the tag. */
  marked: string[];
  /** Reviewers who did not. */
  unmarked: string[];
}

/** The agreement on one tag. */
export interface TagAgreement {
  tagId: string;
  reviewers: string[];
  /** 'kappa' for two reviewers, 'alpha' for more. */
  measure: 'kappa' | 'alpha';
  /** Null when undefined (e.g. every token marked the same by everyone). */
  value: number | null;
  /** Share of tokens on which all reviewers agree. */
  observed: number;
  tokens: number;
  disagreements: Disagreement[];
}

/**
 * Agreement per tag between the given reviewers (everyone who annotated the
 * article: a reviewer who never used a tag marked no token with it).
 * Punctuation and white space are not units.
 */
export function measureAgreement(
  text: string,
  reviewers: readonly string[],
  spans: readonly ReviewerSpan[],
): TagAgreement[] {
  const names = [...new Set(reviewers)].sort();
  if (names.length < 2) return [];
  const tokens = analyzeText(text).tokens.filter((t) => t.type !== 'punctuation' && t.text.trim() !== '');
  const tags = [...new Set(spans.map((s) => s.tagId))].sort();
  return tags.map((tagId) => {
    const labels = names.map((name) => {
      const own = spans.filter((s) => s.tagId === tagId && s.reviewer === name);
      return tokens.map((t) => own.some((s) => t.start < s.end && t.end > s.start));
    });
    const measure = names.length === 2 ? 'kappa' : 'alpha';
    const value = measure === 'kappa' ? computeCohenKappa(labels[0], labels[1]) : computeKrippendorffAlpha(labels);
    const disagreements: Disagreement[] = [];
    let agreed = 0;
    let open: { from: number; to: number; key: string } | undefined;
    const close = () => {
      if (!open) return;
      const marks = labels.map((row) => row[open!.from]);
      disagreements.push({
        start: tokens[open.from].start,
        end: tokens[open.to].end,
        text: text.slice(tokens[open.from].start, tokens[open.to].end),
        marked: names.filter((_, r) => marks[r]),
        unmarked: names.filter((_, r) => !marks[r]),
      });
      open = undefined;
    };
    tokens.forEach((_, i) => {
      const marks = labels.map((row) => row[i]);
      if (marks.every((m) => m === marks[0])) {
        agreed++;
        close();
        return;
      }
      // one stretch per run of tokens with the same split of reviewers
      const key = marks.map((m) => (m ? '1' : '0')).join('');
      if (open && open.key === key && open.to === i - 1) open.to = i;
      else {
        close();
        open = { from: i, to: i, key };
      }
    });
    close();
    return {
      tagId,
      reviewers: names,
      measure,
      value,
      observed: tokens.length ? agreed / tokens.length : 1,
      tokens: tokens.length,
      disagreements,
    };
  });
}
