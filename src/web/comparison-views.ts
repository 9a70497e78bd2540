/** What the comparison page and its JSON show of a comparison of two articles. */
import type { Db } from '../db.js';
import type { Comparison, VersionView } from '../corpus/comparison.js';
import { renderDiff, renderQuoteInContext } from '../diff/index.js';
import type { ArticleRow } from '../store/articles.js';
import { listQuotesOfArticle } from '../store/quotes.js';
import { viewVerdicts } from './verdict-views.js';
import { sideBySideDensityCharts } from './editorial-views.js';
import { viewCompareAnnotations } from './compare-annotations.js';
import { viewPairNotes } from './annotation-views.js';
import { escapeHtml, renderHighlighted, type Highlight } from './render-text.js';

/** The paired quotes of each side as highlights, each linked to its partner on the other side. */
function markPairedQuotes(c: Comparison): Map<number, Highlight[]> {
  const marks = new Map<number, Highlight[]>([
    [c.earlier.id, []],
    [c.later.id, []],
  ]);
  c.pairs.forEach((p, i) => {
    // the element ids keep their left/right names: the page's script and links use them
    const link = (v: VersionView, partner: VersionView, side: string, other: string): Highlight => ({
      start: v.quote.start,
      end: v.quote.end,
      className: `anchor-quote q q-${v.quote.kind}`,
      id: `${side}-q${v.quote.id}`,
      title: `Statement ${i + 1}: ${p.pair.relation}, score ${p.pair.score.toFixed(2)}`,
      data: { partner: `${other}-q${partner.quote.id}`, pair: i + 1 },
    });
    marks.get(c.earlier.id)!.push(link(p.earlier, p.later, 'left', 'right'));
    marks.get(c.later.id)!.push(link(p.later, p.earlier, 'right', 'left'));
  });
  return marks;
}

/** The locals of views/compare/show.ejs. */
export function viewComparisonPage(db: Db, c: Comparison) {
  const marks = markPairedQuotes(c);
  // annotations made on this page are shown on it after saving
  const annotations = viewCompareAnnotations(db, c.earlier.id, c.later.id);
  for (const [id, list] of marks) list.push(...annotations.annotationHighlightsOf(id));
  const renderSide = (articleId: number, text: string, from: number, to: number) =>
    renderHighlighted(text, marks.get(articleId)!, from, to);
  return {
    title: `Compare: ${c.earlier.title} / ${c.later.title}`,
    c,
    renderSide,
    escapeHtml,
    renderDiff,
    renderQuoteInContext,
    densityCharts: sideBySideDensityCharts(db, [c.earlier, c.later], ['density-earlier', 'density-later']),
    annotationsOn: annotations.annotationsOn,
    linkable: { earlier: listQuotesOfArticle(db, c.earlier.id), later: listQuotesOfArticle(db, c.later.id) },
    ...viewPairNotes(db, c.earlier.id, c.later.id),
    ...viewVerdicts(
      db,
      c.pairs.map((p) => p.pair),
    ),
  };
}

function presentArticle(a: ArticleRow) {
  return { id: a.id, title: a.title, outlet: a.outlet, author: a.author, published: a.published };
}

function presentVersion(v: VersionView, diffHtml: string) {
  const q = v.quote;
  return {
    quoteId: q.id,
    articleId: q.articleId,
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    speakerMention: q.speakerMention,
    cue: q.cue,
    outlet: q.outlet,
    context: v.context,
    diffHtml,
  };
}

/** The JSON of GET /api/compare (its field names are a public contract: `alignment` keeps left/right). */
export function presentComparison(c: Comparison) {
  return {
    earlier: presentArticle(c.earlier),
    later: presentArticle(c.later),
    pairs: c.pairs.map((p) => ({
      id: p.pair.id,
      score: p.pair.score,
      relation: p.pair.relation,
      status: p.pair.status,
      reasons: p.pair.reasons,
      fidelity: p.fidelity,
      earlier: presentVersion(p.earlier, renderQuoteInContext(p.earlier, p.parts, 'earlier')),
      later: presentVersion(p.later, renderQuoteInContext(p.later, p.parts, 'later')),
      diffHtml: renderDiff(p.parts, 'inline'),
      changes: p.changes,
      // from the earlier version to the later; non-empty makes the pair a possible misquote
      altered: p.alterations.map(({ kind, earlier, later }) => ({ kind, earlier, later })),
    })),
    alignment: c.rows.map((r) => ({
      left: r.earlier?.index ?? null,
      right: r.later?.index ?? null,
      anchored: r.anchored,
    })),
  };
}
