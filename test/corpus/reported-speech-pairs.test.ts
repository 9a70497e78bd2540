/**
 * Reported speech in one article ("stated that the foreign ships must leave
 * the harbour by the end of 2026") pairs with the direct quote it retells in
 * another, when both are imported; a shared deadline alone pairs nothing.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db.js';
import { importArticle } from '../../src/corpus/articles.js';
import { listPairsBetween } from '../../src/store/pairs.js';
import { listQuotesOfArticle } from '../../src/store/quotes.js';

const wire = {
  title: 'Port tells shipping line to pull out its fleet',
  outlet: 'Coastal Wire',
  published: '2025-02-11',
  text: 'VALPARAISO (Coastal Wire) — The port authority on Tuesday ended its dispute with a foreign shipping line over berth fees.\n\n"The shipping line is obligated to withdraw its vessels from Valparaiso by the end of 2026, and they must abide by their promises to the port authority," port commissioner Helena Vasquez told reporters.\n\nThe company did not respond to a request for comment.',
};
const retelling = {
  title: 'Foreign fleet to leave, says port chief',
  outlet: 'The Evening Ledger',
  published: '2025-02-13',
  text: 'The row over berth fees ended this week.\n\nPort commissioner Helena Vasquez stated that the foreign ships must leave the harbour by the end of 2026.\n\nLocal fishermen have complained about the crowded quays for months.',
};
const deadlineOnly = {
  title: 'Ferry fares to change',
  outlet: 'Harbour Times',
  published: '2025-02-14',
  text: 'Commuters face a new fare table next year.\n\nPort commissioner Helena Vasquez said that the ferry company would publish a new timetable for commuters by the end of 2026.\n\nPassenger groups welcomed the news.',
};

function importAll(db: Db, articles: (typeof wire)[]): number[] {
  return articles.map((a) => {
    const r = importArticle(db, a);
    if (r.status !== 'imported') throw new Error('expected an import');
    return r.article.id;
  });
}

describe('reported speech in the store', () => {
  it('pairs reported speech with the direct quote of the same speaker it retells', () => {
    const db = openDatabase(':memory:');
    const [direct, reported] = importAll(db, [wire, retelling]);
    const indirect = listQuotesOfArticle(db, reported).find(
      (q) => q.kind === 'indirect' && q.text.includes('must leave the harbour'),
    );
    expect(indirect).toBeDefined();
    const pairs = listPairsBetween(db, direct, reported);
    expect(pairs.map((p) => [p.quoteA, p.quoteB].includes(indirect!.id))).toEqual([true]);
  });

  it('does not pair two statements of the speaker that share only a deadline', () => {
    const db = openDatabase(':memory:');
    const [direct, reported, other] = importAll(db, [wire, retelling, deadlineOnly]);
    expect(listQuotesOfArticle(db, other).some((q) => q.text.includes('by the end of 2026'))).toBe(true);
    expect(listPairsBetween(db, direct, other)).toHaveLength(0);
    expect(listPairsBetween(db, reported, other)).toHaveLength(0);
  });
});
