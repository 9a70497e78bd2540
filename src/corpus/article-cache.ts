/** A per-call memo of article rows, for use cases that look the same articles up many times. */
import type { Db } from '../db.js';
import { getArticle, type ArticleRow } from '../store/articles.js';

/** A look-up of articles by id that reads each article from the store once. */
export function cacheArticles(db: Db): (id: number) => ArticleRow | undefined {
  const cache = new Map<number, ArticleRow | undefined>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, getArticle(db, id));
    return cache.get(id);
  };
}
