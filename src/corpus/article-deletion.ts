/**
 * Deleting and restoring articles. Deletion is soft: the article row, its
 * annotations and their histories are kept, hidden from lists, search,
 * comparisons, outlet profiles and exports until an admin restores it. What
 * is derived from the text (quotes, pairs, editorial suggestions) is removed
 * so that nothing of the article shows up elsewhere, and found again on
 * restore; review decisions and verdicts are kept by words, so they come
 * back with it.
 *
 * A reviewer may delete an article only when no other reviewer has live
 * annotations on it: deleting it would take their work out of sight (the
 * ownership rule says they alone, or an admin, may remove it). Admins may
 * delete any article.
 */
import type { Db } from '../db.js';
import { getArticle, getArticleAnyState, insertArticleHistory, setArticleDeleted } from '../store/articles.js';
import { countOthersAnnotations } from '../store/annotations.js';
import { deleteQuotesOfArticle } from '../store/quotes.js';
import { deleteEditorialSpansOfArticle } from '../store/editorial.js';
import { deleteUnquotedSpeakers } from '../store/speakers.js';
import type { Role } from '../store/users.js';
import { analyzeStoredArticle } from './analysis.js';

/** Who is acting. */
export interface ArticleActor {
  id: number;
  role: Role;
}

/** The outcome of a delete or restore. */
export type ArticleDeletion =
  | { status: 'ok' }
  | { status: 'not-found' }
  | { status: 'conflict'; reason: string }
  | { status: 'forbidden'; reason: string };

/** Soft-delete an article (see the module comment for who may). */
export function deleteArticleAs(
  db: Db,
  actor: ArticleActor,
  id: number,
  now = new Date().toISOString(),
): ArticleDeletion {
  return db
    .transaction((): ArticleDeletion => {
      if (!getArticle(db, id)) return { status: 'not-found' };
      if (actor.role !== 'admin') {
        const others = countOthersAnnotations(db, id, actor.id);
        if (others > 0) {
          return {
            status: 'conflict',
            reason: `articles: this article holds ${others} annotation${others === 1 ? '' : 's'} by other reviewers; only an admin can delete it`,
          };
        }
      }
      setArticleDeleted(db, id, { at: now, by: actor.id });
      deleteQuotesOfArticle(db, id);
      deleteEditorialSpansOfArticle(db, id);
      deleteUnquotedSpeakers(db);
      insertArticleHistory(db, { articleId: id, userId: actor.id, action: 'delete', at: now });
      return { status: 'ok' };
    })
    .immediate();
}

/** Restore a deleted article (admins only): it is shown again and its quotes, pairs and suggestions are found again. */
export function restoreArticleAs(
  db: Db,
  actor: ArticleActor,
  id: number,
  now = new Date().toISOString(),
): ArticleDeletion {
  if (actor.role !== 'admin') return { status: 'forbidden', reason: 'articles: only an admin can restore an article' };
  return db
    .transaction((): ArticleDeletion => {
      const article = getArticleAnyState(db, id);
      if (!article || article.deletedAt === null) return { status: 'not-found' };
      setArticleDeleted(db, id, null);
      analyzeStoredArticle(db, getArticle(db, id)!);
      insertArticleHistory(db, { articleId: id, userId: actor.id, action: 'restore', at: now });
      return { status: 'ok' };
    })
    .immediate();
}
