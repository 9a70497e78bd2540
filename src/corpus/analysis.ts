/**
 * Running the analysis of a stored article (quotes, editorial spans, pairs)
 * and storing the results. Called inside the import transaction.
 */
import type { Db } from '../db.js';
import type { ArticleRow } from '../store/articles.js';

/** Analyse a stored article and store the results (filled in as the analysis steps land). */
export function analyzeStoredArticle(db: Db, article: ArticleRow): void {
  void db;
  void article;
}
