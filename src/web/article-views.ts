/** What the article page shows: the text with its quotes, suggestions and annotations highlighted, and its related articles. */
import type { Db } from '../db.js';
import { getArticleEditorial, readEditorialThreshold } from '../corpus/editorial.js';
import { getArticle, listArticles, type ArticleRow } from '../store/articles.js';
import { listQuotesOfArticle } from '../store/quotes.js';
import { listRelatedArticles } from '../store/pairs.js';
import { editorialHighlights, quoteHighlights, sentenceHighlights } from './highlights.js';
import { viewArticleSuggestions } from './editorial-views.js';
import { annotationHighlights, viewArticleAnnotations } from './annotation-views.js';
import { listVersions, similarArticle } from '../corpus/article-versions.js';
import { paragraphsOf, renderHighlighted, type Paragraph } from './render-text.js';

/** The locals of views/articles/show.ejs for an article, as the user (by id, when signed in) sees it, with a linked stretch marked. */
export function viewArticlePage(
  db: Db,
  article: ArticleRow,
  userId: number | undefined,
  marked?: { start: number; end: number },
) {
  const quotes = listQuotesOfArticle(db, article.id);
  const threshold = readEditorialThreshold(db, userId);
  const { spans, sentences } = getArticleEditorial(db, article.id, threshold)!;
  const editorial = spans.filter((e) => e.status !== 'dismissed');
  const annotationView = viewArticleAnnotations(db, article);
  const highlights = [
    ...sentenceHighlights(sentences),
    ...quoteHighlights(quotes),
    ...editorialHighlights(editorial),
    ...annotationHighlights(annotationView.annotations, article.id),
  ];
  // a stretch another page links to (?mark=START-END#marked), e.g. where reviewers disagree
  if (marked) highlights.push({ ...marked, className: 'marked', id: 'marked', title: 'the words the link points to' });
  const renderParagraph = (p: Paragraph) => renderHighlighted(article.text, highlights, p.start, p.end);
  const related = listRelatedArticles(db, article.id).map((r) => ({ ...r, article: getArticle(db, r.articleId)! }));
  const others = listArticles(db, 'published', 'asc').filter((a) => a.id !== article.id);
  return {
    title: article.title,
    article,
    paragraphs: paragraphsOf(article.text),
    renderParagraph,
    quotes,
    editorial,
    related,
    others,
    versions: listVersions(db, article),
    similarTo: similarArticle(db, article.id),
    ...viewArticleSuggestions(spans, article.wordCount, threshold, sentences),
    ...annotationView,
  };
}
