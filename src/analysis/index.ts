/**
 * analysis: run the whole pure pipeline over a set of articles in memory
 * (ingest → the per-article analysis → speakers across articles → pairing).
 * Used by `retold analyze` and by the evaluation; the store-backed import runs
 * the same per-article analysis (analyzeArticleText) one article at a time.
 */
import { prepareArticle, type ArticleInput, type PreparedArticle } from '../ingest/index.js';
import { resolveSpeakerNames } from '../speakers/index.js';
import { pairCorpus, type WordVectors } from '../pairing/index.js';
import { withTrainedModel } from '../editorial/trained-model.js';
import { analyzeArticleText, readClauseOf, type AnalyzeOptions, type ArticleAnalysis } from './article.js';

export { analyzeArticleText, type AnalyzeOptions, type ArticleAnalysis, type IndexEntry } from './article.js';

/** One article of an in-memory analysis: the input's name, the prepared article and its analysis. */
export interface AnalyzedArticle extends ArticleAnalysis {
  file: string;
  article: PreparedArticle;
}

/** Prepare and analyse one input: the per-article part of the pipeline. */
export function analyzeArticle(file: string, input: ArticleInput, options: AnalyzeOptions = {}): AnalyzedArticle {
  const article = prepareArticle(input);
  return { file, article, ...analyzeArticleText(article.text, options) };
}

/** The stable JSON shape of `retold analyze --format json` (see GUIDE §5). */
export interface AnalyzeOutput {
  articles: { file: string; title: string; outlet: string | null; published: string | null; text: string }[];
  quotes: {
    id: string;
    article: number;
    start: number;
    end: number;
    text: string;
    kind: string;
    speaker: string | null;
    cue: string | null;
  }[];
  pairs: {
    a: string;
    b: string;
    score: number;
    relation: string;
    altered: { kind: string; earlier: string; later: string }[];
  }[];
  editorial: {
    article: number;
    start: number;
    end: number;
    text: string;
    category: string;
    voice: string;
    confidence?: number;
  }[];
}

/**
 * Analyse a set of articles and build the analyze output. Pairing runs after
 * the per-article steps; pass the word vectors (src/vectors/load.ts) so
 * reworded statements pair too — without them only shared words count; with
 * them the editorial model runs as well (its spans carry a confidence).
 */
export function analyzeCorpus(
  inputs: { file: string; input: ArticleInput }[],
  vectors?: WordVectors,
): { items: AnalyzedArticle[]; output: AnalyzeOutput } {
  const editorial = vectors ? withTrainedModel(vectors) : undefined;
  const items = inputs.map(({ file, input }) => analyzeArticle(file, input, { editorial }));
  // speakers are entities across the articles: spelling variants get one name
  const speakerNames = resolveSpeakerNames(items.flatMap((it) => it.speakers));
  const output: AnalyzeOutput = { articles: [], quotes: [], pairs: [], editorial: [] };
  items.forEach((item, i) => {
    const { article } = item;
    output.articles.push({
      file: item.file,
      title: article.title,
      outlet: article.outlet,
      published: article.published,
      text: article.text,
    });
    item.quotes.forEach((q, j) => {
      output.quotes.push({
        id: `q${i}-${j}`,
        article: i,
        start: q.start,
        end: q.end,
        text: q.text,
        kind: q.kind,
        speaker: q.speaker === null ? null : (speakerNames.get(q.speaker) ?? q.speaker),
        cue: q.cue,
      });
    });
    for (const e of item.editorial) {
      output.editorial.push({
        article: i,
        start: e.start,
        end: e.end,
        text: e.text,
        category: e.category,
        voice: e.voice,
        ...(e.confidence === undefined ? {} : { confidence: e.confidence }),
      });
    }
  });
  const clauses = items.flatMap((item) => item.quotes.map((q) => readClauseOf(q, item.text, item.nlp)));
  const pairingQuotes = output.quotes.map((q, k) => ({
    id: q.id,
    article: String(q.article),
    text: q.text,
    speaker: q.speaker,
    kind: q.kind,
    published: output.articles[q.article].published,
    clause: clauses[k],
  }));
  output.pairs = pairCorpus(pairingQuotes, vectors).map(({ a, b, score, relation, alterations }) => ({
    a,
    b,
    score,
    relation,
    altered: alterations,
  }));
  return { items, output };
}
