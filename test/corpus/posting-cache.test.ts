/**
 * The posting lists kept between readings (src/corpus/posting-cache.ts) give
 * what reading the term index whole gives: after articles were added (only
 * the new postings read), and after a quote was deleted (read whole again).
 */
import { describe, expect, it } from 'vitest';
import { generateArticleTexts } from '../../bench/article-gen.js';
import { importArticle } from '../../src/corpus/articles.js';
import { cachedPostings } from '../../src/corpus/posting-cache.js';
import {
  countQuotesAfter,
  countPostings,
  readPostings,
  readLastQuoteId,
  readPairingGeneration,
} from '../../src/store/pairs.js';
import { openDatabase, type Db } from '../../src/db.js';

const articles = generateArticleTexts(9, 31).map((a, i) => ({ title: `${a.title} ${i}`, text: a.text }));

/** Every term of the index with how many quotes hold it. */
const termsOf = (db: Db) =>
  (
    db.prepare('SELECT term, count(*) AS n FROM quote_terms GROUP BY term ORDER BY n DESC').all() as {
      term: string;
      n: number;
    }[]
  ).map((r) => r.term);

describe('posting lists kept between readings', () => {
  it('answer as the whole index does after articles were added and after a quote was deleted', () => {
    const db = openDatabase(':memory:');
    const snapshot = () => ({ generation: readPairingGeneration(db), lastQuote: readLastQuoteId(db) });
    const grownSince = (now: ReturnType<typeof snapshot>) => (since: ReturnType<typeof snapshot>) =>
      now.generation - since.generation === countQuotesAfter(db, since.lastQuote);
    const check = (caps: number[]) => {
      const now = snapshot();
      const source = cachedPostings(db, now, grownSince(now));
      const terms = termsOf(db);
      expect(terms.length).toBeGreaterThan(20);
      for (const term of terms.slice(0, 60))
        for (const cap of caps) {
          expect(source.frequency(term)).toBe(countPostings(db, term));
          expect(source.postings(term, '0', cap)).toEqual(readPostings(db, term, 0, cap).map(String));
        }
      expect(source.size()).toBe(readLastQuoteId(db));
    };
    for (const input of articles.slice(0, 3)) importArticle(db, input);
    check([2, 400]);
    // grown: the lists read before are brought up to date, the short ones cut to their cap
    for (const input of articles.slice(3, 6)) importArticle(db, input);
    check([2, 400]);
    for (const input of articles.slice(6)) importArticle(db, input);
    check([400, 2]);
    // a quote deleted: what was kept would list it; the lists are read whole again
    db.prepare('DELETE FROM quotes WHERE id = (SELECT max(id) FROM quotes)').run();
    check([400, 2]);
  }, 120_000);
});
