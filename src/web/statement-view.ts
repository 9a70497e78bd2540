/**
 * The statement page's timeline: each version's word diff against the
 * reference version, and links to the comparison that land at the pair.
 */
import type { StatementView } from '../corpus/statements.js';
import { diffVersions, renderDiff } from '../diff/index.js';
import type { PairRow } from '../store/pairs.js';
import { describeAlteration, orientAlterations } from '../pairing/index.js';

/** The compare page address of a pair, at the pair; undefined when both quotes are in one article. */
export function pairCompareHref(articleA: number, articleB: number, pairId: number): string | undefined {
  return articleA === articleB ? undefined : `/compare?a=${articleA}&b=${articleB}#pair-id-${pairId}`;
}

/** One timeline entry beside its version: the diff against the reference, and where to compare. */
export interface TimelineEntry {
  /** inline diff HTML (escaped) against the reference; null for the reference itself */
  diffHtml: string | null;
  compareHref: string | undefined;
  /** the alterations of its pair with the reference (else of any pair of it), in words: a possible misquote */
  misquote: string[];
}

/** A pair's alterations in words, from the version listed first in the statement to the other. */
export function describePairMisquote(p: PairRow, versionIds: number[]): string[] {
  const at = (id: number) => versionIds.indexOf(id);
  return orientAlterations(p.alterations, at(p.quoteA) <= at(p.quoteB)).map(describeAlteration);
}

/** The first possible misquote among a statement's pairs, in words; empty when none. */
export function describeStatementMisquote(statement: Pick<StatementView, 'versions' | 'pairs'>): string[] {
  const altered = statement.pairs.find((p) => p.alterations.length > 0);
  return altered
    ? describePairMisquote(
        altered,
        statement.versions.map((v) => v.quote.id),
      )
    : [];
}

/**
 * The timeline entries of a statement, in version order. The reference is
 * the first version (a marked version, a primary source, else the earliest
 * dated: corpus/references); each other version is diffed against
 * it and linked to the comparison of its pair with the reference, or else
 * of any pair of it with a version in another article.
 */
export function viewStatementTimeline(statement: StatementView): {
  timeline: TimelineEntry[];
  pairHref: (p: PairRow) => string | undefined;
} {
  const reference = statement.versions[0].quote;
  const articleOf = new Map(statement.versions.map((v) => [v.quote.id, v.quote.articleId]));
  const pairHref = (p: PairRow) => pairCompareHref(articleOf.get(p.quoteA) ?? 0, articleOf.get(p.quoteB) ?? 0, p.id);
  const ids = statement.versions.map((v) => v.quote.id);
  const timeline = statement.versions.map((v, i): TimelineEntry => {
    if (i === 0) return { diffHtml: null, compareHref: undefined, misquote: [] };
    const touching = statement.pairs.filter((p) => p.quoteA === v.quote.id || p.quoteB === v.quote.id);
    const withReference = touching.find((p) => p.quoteA === reference.id || p.quoteB === reference.id);
    const href = [withReference, ...touching].map((p) => p && pairHref(p)).find((h) => h !== undefined);
    const altered = [withReference, ...touching].find((p) => p && p.alterations.length > 0);
    return {
      diffHtml: renderDiff(diffVersions(reference.text, v.quote.text), 'inline'),
      compareHref: href,
      misquote: altered ? describePairMisquote(altered, ids) : [],
    };
  });
  return { timeline, pairHref };
}
