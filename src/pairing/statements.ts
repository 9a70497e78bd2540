/**
 * pairing: group paired quotes into statements — connected clusters, each
 * ordered by publication date with every version's relation to the earliest.
 */
import type { PairingQuote, PairSuggestion, Relation } from './index.js';

/** One version of a statement. */
export interface StatementVersion {
  id: string;
  article: string;
  published: string | null;
  /** relation to the earliest version; null for the earliest itself */
  relation: Relation | null;
  /** score of the pair that links it to the earliest (weakest link on a path), null for the earliest */
  score: number | null;
}

/** A statement: all its versions, earliest first, undated last. */
export interface Statement {
  versions: StatementVersion[];
}

/** Relations from closest to loosest: a path is as loose as its loosest step. */
const LOOSENESS: Relation[] = ['verbatim', 'near-verbatim', 'trimmed', 'paraphrase', 'gist'];

/** Earliest first, undated last; ties by article then id for a stable order. */
function compareVersions(x: PairingQuote, y: PairingQuote): number {
  const px = x.published ?? null;
  const py = y.published ?? null;
  if (px !== py) {
    if (px === null) return 1;
    if (py === null) return -1;
    return px < py ? -1 : 1;
  }
  return x.article.localeCompare(y.article) || x.id.localeCompare(y.id);
}

/** Group pairs into statements; quotes without pairs are left out. */
export function groupStatements(pairs: PairSuggestion[], quotes: PairingQuote[]): Statement[] {
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const links = new Map<string, { to: string; pair: PairSuggestion }[]>();
  for (const p of pairs) {
    if (!byId.has(p.a) || !byId.has(p.b)) throw new Error(`pairing: pair ${p.a}–${p.b} names a quote not in the list`);
    for (const [from, to] of [
      [p.a, p.b],
      [p.b, p.a],
    ]) {
      const list = links.get(from) ?? [];
      list.push({ to, pair: p });
      links.set(from, list);
    }
  }
  const seen = new Set<string>();
  const statements: Statement[] = [];
  for (const start of links.keys()) {
    if (seen.has(start)) continue;
    const members: PairingQuote[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const id = stack.pop()!;
      members.push(byId.get(id)!);
      for (const { to } of links.get(id) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          stack.push(to);
        }
      }
    }
    members.sort(compareVersions);
    const earliest = members[0].id;
    // breadth-first from the earliest: fewest steps, loosest relation on the way
    const reach = new Map<string, { relation: Relation | null; score: number | null }>([
      [earliest, { relation: null, score: null }],
    ]);
    const queue = [earliest];
    while (queue.length) {
      const id = queue.shift()!;
      const here = reach.get(id)!;
      for (const { to, pair } of links.get(id) ?? []) {
        if (reach.has(to)) continue;
        const relation =
          here.relation && LOOSENESS.indexOf(here.relation) > LOOSENESS.indexOf(pair.relation)
            ? here.relation
            : pair.relation;
        const score = here.score === null ? pair.score : Math.min(here.score, pair.score);
        reach.set(to, { relation, score });
        queue.push(to);
      }
    }
    statements.push({
      versions: members.map((q) => ({
        id: q.id,
        article: q.article,
        published: q.published ?? null,
        ...reach.get(q.id)!,
      })),
    });
  }
  return statements;
}
