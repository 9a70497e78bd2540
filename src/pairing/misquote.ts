/**
 * pairing: a pair with alterations is a possible misquote (GUIDE glossary).
 * The words every page and export use for it, and the order that puts
 * possible misquotes first wherever pairs are listed (issue 14).
 */
import type { AlterationKind } from './alterations.js';

/** An alteration as pages and stores hold it (its kind read as a string). */
export interface AlterationLike {
  kind: string;
  earlier: string;
  later: string;
}

/** The badge text of a pair with alterations. */
export const MISQUOTE_LABEL = 'possible misquote';

const KIND_WORDS: Record<AlterationKind, string> = {
  number: 'figure changed',
  amount: 'amount changed',
  date: 'date changed',
  quantity: 'quantity changed',
  negation: 'negation changed',
  name: 'name changed',
  context: 'meaning changed by its sentence',
};

/** One alteration in words: "figure changed: 40 → 14". */
export function describeAlteration(a: AlterationLike): string {
  return `${KIND_WORDS[a.kind as AlterationKind] ?? `${a.kind} changed`}: ${a.earlier} → ${a.later}`;
}

/**
 * Alterations are stored from a pair's quote A to its quote B; shown from the
 * earlier (reference) version to the later one, they are swapped when B is
 * the earlier.
 */
export function orientAlterations<T extends AlterationLike>(alterations: T[], aIsEarlier: boolean): T[] {
  return aIsEarlier ? alterations : alterations.map((a) => ({ ...a, earlier: a.later, later: a.earlier }));
}

/** Is this pair a possible misquote? */
export const isMisquote = (p: { alterations: readonly unknown[] }): boolean => p.alterations.length > 0;

/** Order of two items holding pairs: possible misquotes first, the rest as they were (use with a stable sort). */
export function compareMisquotesFirst(x: boolean, y: boolean): number {
  return Number(y) - Number(x);
}
