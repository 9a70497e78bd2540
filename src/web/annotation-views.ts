/** What article and comparison pages need to show annotations: the lists, highlights and pair notes. */
import type { QuoteSpan } from '../quotes/quote.js';
import type { Db } from '../db.js';
import { listAllTags, listOfferedTags } from '../corpus/tags.js';
import { describeHistoryEntry } from '../annotations/history.js';
import { canChange, listAnnotations } from '../corpus/annotations.js';
import type { ArticleRow } from '../store/articles.js';
import type { AnnotationRow, HistoryRow } from '../store/annotations.js';
import type { UserRow } from '../store/users.js';
import { visibleHistory } from '../corpus/annotation-visibility.js';
import { renderNote } from '../reports/note.js';
import type { Highlight } from './render-text.js';

/** What the article page needs for its annotation section. */
export function viewArticleAnnotations(db: Db, article: ArticleRow) {
  const annotations = listAnnotations(db, { involvingArticleId: article.id });
  return {
    annotations: annotations.filter((a) => a.status === 'active'),
    orphaned: annotations.filter((a) => a.status === 'orphaned'),
    offeredTags: listOfferedTags(db),
    renderNote,
  };
}

/** Active annotations on an article as highlights of its text. */
export function annotationHighlights(annotations: AnnotationRow[], articleId: number): Highlight[] {
  return annotations
    .filter((a) => a.status === 'active' && a.articleId === articleId)
    .map((a) => ({
      start: a.start,
      end: a.end,
      className: 'ann',
      id: `annotation-${a.id}`,
      title: `${a.tagLabel ?? 'note'} — ${a.creatorName}`,
      data: { annotation: a.id },
    }));
}

/** A quote's place in its article, as the comparison shows it. */
type PlacedQuote = Pick<QuoteSpan, 'start' | 'end'> & { articleId: number };

/** Whether two spans of one text share at least one character (ends exclusive). */
export const spansOverlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && a.end > b.start;

/** What the comparison page needs to show and take notes on pairs as a whole. */
export function viewPairNotes(db: Db, leftId: number, rightId: number) {
  const notes = listAnnotations(db, { involvingArticleId: leftId, status: 'active' }).filter(
    (a) => a.other && [leftId, rightId].includes(a.articleId) && [leftId, rightId].includes(a.other.articleId),
  );
  return {
    renderNote,
    /** Pair notes on these two quotes (either way round). */
    pairNotesFor(x: PlacedQuote, y: PlacedQuote): AnnotationRow[] {
      const ways: [PlacedQuote, PlacedQuote][] = [
        [x, y],
        [y, x],
      ];
      return notes.filter((n) =>
        ways.some(
          ([p, q]) =>
            n.articleId === p.articleId &&
            spansOverlap(n, p) &&
            n.other!.articleId === q.articleId &&
            spansOverlap(n.other!, q),
        ),
      );
    },
  };
}

/** History entries with each entry's changes as readable lines ("Tag: none → Loaded term"). */
function readableHistory(db: Db, history: HistoryRow[]) {
  const labels = new Map(listAllTags(db).map((t) => [t.id, t.label]));
  return history.map((h) => ({ ...h, lines: describeHistoryEntry(h.before, h.after, (t) => labels.get(t) ?? t) }));
}

/** The locals of views/annotations/show.ejs: the annotation, its history as the user may see it, and whether they may edit it. */
export function viewAnnotationPage(db: Db, me: UserRow | null, annotation: AnnotationRow) {
  return {
    title: `Annotation on ${annotation.articleTitle}`,
    annotation,
    history: readableHistory(db, visibleHistory(db, me, annotation)),
    canEdit: Boolean(me && annotation.status !== 'deleted' && canChange(me, annotation)),
    offeredTags: listOfferedTags(db),
    renderNote,
  };
}
