/** What article and comparison pages need to show editorial suggestions: names, lists and density charts. */
import type { Db } from '../db.js';
import { listVisibleEditorialSpans, measureArticleDensity, type ArticleEditorial } from '../corpus/editorial.js';
import { DEFAULT_EDITORIAL_THRESHOLD, SENTENCE_BIAS_THRESHOLD } from '../editorial/trained-model.js';
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import type { ArticleRow } from '../store/articles.js';
import type { EditorialSentenceRow, EditorialSpanRow } from '../store/editorial.js';
import { densityScale, renderDensityChart } from '../reports/density-chart.js';

/** The name users read for a category id (the id itself when unknown). */
export function nameCategory(id: string): string {
  return EDITORIAL_CATEGORIES.find((c) => c.id === id)?.name ?? id;
}

/**
 * What the article page needs for its suggestions section
 * (views/editorial/suggestions.ejs): every suggestion with its status, the
 * density chart of those not dismissed, and category names.
 */
export function viewArticleSuggestions(
  spans: EditorialSpanRow[],
  wordCount: number,
  threshold: number,
  sentences: EditorialSentenceRow[] = [],
  idPrefix = 'density',
) {
  return {
    suggestions: spans,
    densityChart: renderDensityChart(measureArticleDensity(spans, wordCount), {
      idPrefix,
      sentences,
      biasThreshold: SENTENCE_BIAS_THRESHOLD,
    }),
    biasThreshold: SENTENCE_BIAS_THRESHOLD,
    categoryName: nameCategory,
    threshold,
    thresholdChoices: THRESHOLD_CHOICES,
    defaultThreshold: DEFAULT_EDITORIAL_THRESHOLD,
  };
}

/** The thresholds offered on the article page: tenths, and the default the training chose. */
const THRESHOLD_CHOICES = [...new Set([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, DEFAULT_EDITORIAL_THRESHOLD])].sort(
  (a, b) => a - b,
);

/**
 * The density charts of stored articles shown side by side (the comparison
 * page), on one common scale so that equal bar lengths mean equal densities;
 * each titled with its outlet.
 */
export function sideBySideDensityCharts(
  database: Db,
  articles: Pick<ArticleRow, 'id' | 'title' | 'outlet' | 'wordCount'>[],
  idPrefixes: string[],
): string[] {
  const densities = articles.map((a) =>
    measureArticleDensity(listVisibleEditorialSpans(database, a.id, DEFAULT_EDITORIAL_THRESHOLD), a.wordCount),
  );
  const max = densityScale(densities);
  return articles.map((a, i) =>
    renderDensityChart(densities[i], {
      idPrefix: idPrefixes[i],
      max,
      title: `Editorial language per 1,000 words: ${a.outlet || a.title}`,
    }),
  );
}

/** The JSON of GET /api/articles/:id/editorial: each suggestion with its rule (`model` when only the model found it). */
export function presentArticleEditorial(found: ArticleEditorial, threshold: number) {
  const spans = found.spans.map((s) => ({
    id: s.id,
    start: s.start,
    end: s.end,
    text: s.text,
    category: s.category,
    voice: s.voice,
    confidence: s.confidence,
    rule: s.learnt ? 'model' : 'lexicon',
    status: s.status,
  }));
  return {
    article: found.article.id,
    wordCount: found.article.wordCount,
    threshold,
    spans,
    density: found.density,
    sentences: found.sentences,
  };
}
