/** SQL the reports need beyond the other stores: finding articles by address and listing outlets. */
import type { Db } from '../db.js';

/** The id of the article with this address, if exactly one has it. */
export function findArticleIdByUrl(db: Db, url: string): number | undefined {
  const rows = db.prepare('SELECT id FROM articles WHERE url = ? AND deleted_at IS NULL LIMIT 2').all(url) as {
    id: number;
  }[];
  return rows.length === 1 ? rows[0].id : undefined;
}

/** The id of the live article whose text, or one of whose earlier versions, has this hash, if any. */
export function findArticleIdByHash(db: Db, textHash: string): number | undefined {
  return (
    db
      .prepare(
        `SELECT id FROM articles WHERE text_hash = ? AND deleted_at IS NULL
         UNION ALL SELECT a.id FROM article_versions v JOIN articles a ON a.id = v.article_id
           WHERE v.text_hash = ? AND a.deleted_at IS NULL LIMIT 1`,
      )
      .get(textHash, textHash) as { id: number } | undefined
  )?.id;
}

/** Ids of an outlet's articles (outlet names compare by name_key: without case and invisible characters), by date then id. */
export function listArticleIdsOfOutlet(db: Db, outlet: string): number[] {
  return (
    db
      .prepare(
        'SELECT id FROM articles WHERE name_key(outlet) = name_key(?) AND deleted_at IS NULL ORDER BY (published IS NULL), published, id',
      )
      .all(outlet) as { id: number }[]
  ).map((r) => r.id);
}

/** Every outlet named by an article, with its article count and words, by name. */
export function listOutletNames(db: Db): { outlet: string; articles: number; words: number }[] {
  return db
    .prepare(
      `SELECT min(outlet) AS outlet, count(*) AS articles, sum(word_count) AS words FROM articles
       WHERE outlet IS NOT NULL AND name_key(outlet) <> '' AND deleted_at IS NULL GROUP BY name_key(outlet) ORDER BY name_key(outlet)`,
    )
    .all() as { outlet: string; articles: number; words: number }[];
}

/** Every article pair sharing at least one pair that is not rejected (lower id first). */
export function listPairedArticlePairs(db: Db): { articleA: number; articleB: number }[] {
  return db
    .prepare(
      `SELECT DISTINCT min(qa.article_id, qb.article_id) AS articleA, max(qa.article_id, qb.article_id) AS articleB
       FROM pairs p JOIN quotes qa ON qa.id = p.quote_a JOIN quotes qb ON qb.id = p.quote_b
       WHERE p.status <> 'rejected' AND qa.article_id <> qb.article_id ORDER BY 1, 2`,
    )
    .all() as { articleA: number; articleB: number }[];
}
