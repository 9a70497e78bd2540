/**
 * The near-duplicate question on import reads the text only of articles whose
 * shingle sketch may share 90 % of the import's shingles: every stored text
 * carries its sketch, and an article stored before sketches (none) is still
 * compared by its text.
 */
import { describe, expect, it } from 'vitest';
import { importArticle, replaceArticleText } from '../../src/corpus/articles.js';
import { openDatabase, type Db } from '../../src/db.js';
import { sketchShingles } from '../../src/ingest/shingles.js';

const story = `Council approves bridge

The city council approved a new bridge on Tuesday after a long debate. Mayor Tom Reed said the bridge will connect two neighbourhoods.

Construction starts next year and should take three years. The budget is twelve million dollars, paid by the state and the city.

Residents who spoke at the meeting were divided. Some welcomed the shorter commute, others feared more traffic on their streets.`;

const sketchOf = (db: Db, id: number) =>
  (db.prepare('SELECT shingle_sketch AS s FROM articles WHERE id = ?').get(id) as { s: string | null }).s;

function add(db: Db, text: string, url: string | null = null) {
  const r = importArticle(db, { text, format: 'txt', title: null, outlet: null, author: null, published: null, url });
  if (r.status !== 'imported') throw new Error(`not imported: ${r.status}`);
  return r;
}

describe('near-duplicates on import', () => {
  it('stores the sketch of every text, imported or replaced', () => {
    const db = openDatabase(':memory:');
    const { article } = add(db, story);
    expect(JSON.parse(sketchOf(db, article.id)!)).toEqual(sketchShingles(article.text));
    const edited = story.replace('twelve million', 'fifteen million');
    expect(replaceArticleText(db, article.id, { text: edited, original: edited, format: 'txt' }).status).toBe(
      'replaced',
    );
    const text = (db.prepare('SELECT text FROM articles WHERE id = ?').get(article.id) as { text: string }).text;
    expect(text).toContain('fifteen million');
    expect(JSON.parse(sketchOf(db, article.id)!)).toEqual(sketchShingles(text));
  });

  it('asks about a near-identical text whether the stored one has a sketch or not', () => {
    for (const legacy of [false, true]) {
      const db = openDatabase(':memory:');
      const first = add(db, story).article;
      // an article stored before sketches were kept
      if (legacy) db.prepare('UPDATE articles SET shingle_sketch = NULL').run();
      const again = add(db, story.replace('twelve million', 'fifteen million'));
      expect(again.similarTo?.id).toBe(first.id);
      expect(again.similarTo!.share).toBeGreaterThanOrEqual(0.9);
      const other = add(
        db,
        story
          .replace(/bridge/g, 'tunnel')
          .replace(/city/g, 'town')
          .replace(/three/g, 'four'),
      );
      expect(other.similarTo).toBeUndefined();
    }
  });
});
