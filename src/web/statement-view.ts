/**
 * The statement page's timeline: each version's word diff against the
 * reference version, and links to the comparison that land at the pair.
 */
import type { StatementView } from '../corpus/statements.js';
import { diffVersions, renderDiff } from '../diff/index.js';
import type { PairRow } from '../store/pairs.js';

/** The compare page address of a pair, at the pair; undefined when both quotes are in one article. */
export function pairCompareHref(articleA: number, articleB: number, pairId: number): string | undefined {
  return articleA === articleB ? undefined : `/compare?a=${articleA}&b=${articleB}#pair-id-${pairId}`;
}

/** One timeline entry beside its version: the diff against the reference, and where to compare. */
export interface TimelineEntry {
  /** inline diff HTML (escaped) against the reference; null for the reference itself */
  diffHtml: string | null;
  compareHref: string | undefined;
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
  const timeline = statement.versions.map((v, i): TimelineEntry => {
    if (i === 0) return { diffHtml: null, compareHref: undefined };
    const touching = statement.pairs.filter((p) => p.quoteA === v.quote.id || p.quoteB === v.quote.id);
    const withReference = touching.find((p) => p.quoteA === reference.id || p.quoteB === reference.id);
    const href = [withReference, ...touching].map((p) => p && pairHref(p)).find((h) => h !== undefined);
    return { diffHtml: renderDiff(diffVersions(reference.text, v.quote.text), 'inline'), compareHref: href };
  });
  return { timeline, pairHref };
}
