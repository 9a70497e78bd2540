/**
 * reports: the plain shapes a report is rendered from. The corpus layer fills
 * them from the store; the renderers in this folder only read them.
 */
import type { TextAnchor } from '../annotations/anchor.js';
import type { DiffPart } from '../diff/index.js';
import type { EditorialDensity } from '../editorial/index.js';

/** What a report covers. */
export type ReportScope =
  | { kind: 'corpus' }
  | { kind: 'article'; articleId: number }
  | { kind: 'compare'; articleIds: [number, number] }
  | { kind: 'outlet'; outlet: string };

/** The filters a report was made with (all optional). */
export interface ReportFilters {
  /** reviewer's user name */
  reviewer?: string;
  /** tag id */
  tag?: string;
  outlet?: string;
  /** annotations created on or after this date (YYYY-MM-DD) */
  from?: string;
  /** annotations created on or before this date (the whole day counts) */
  to?: string;
  /** which pairs a report holds: reviewed ones (confirmed or with a verdict, the default) or all not rejected */
  pairs?: 'reviewed' | 'all';
  /** the pairs a user chose, by id (over `pairs`) */
  pairIds?: number[];
}

/** What the writer of a report adds: a summary on top and a conclusion at the end (note formatting). */
export interface ReportTexts {
  title?: string;
  summary?: string;
  conclusion?: string;
}

/** An article as a report shows it. */
export interface ReportArticle {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  wordCount: number;
  /** the absolute IRI exports use for the article (see articleSource) */
  source: string;
  /** editorial density of its suggestions not dismissed */
  density: EditorialDensity;
}

/** A span of an article an annotation points at. */
export interface ReportSpan extends TextAnchor {
  articleId: number;
  articleTitle: string;
  articleSource: string;
  /** the IRI of the article's text (urn:retold:article:<hash>), given beside an address source */
  articleText?: string;
}

/** One annotation with everything the formats print. */
export interface ReportAnnotation extends ReportSpan {
  uuid: string;
  articleOutlet: string | null;
  articlePublished: string | null;
  tagId: string | null;
  tagLabel: string | null;
  tagFamily: string | null;
  note: string | null;
  /** the span in the other article, for a note on a pair */
  other: ReportSpan | null;
  creatorName: string;
  status: string;
  /** ISO 8601 UTC ending in Z */
  createdAt: string;
  modifiedAt: string;
}

/** One change between two versions, as the diff module describes it. */
export interface ReportChange {
  type: string;
  message: string;
}

/** One version of a statement in a compared pair. */
export interface ReportVersion {
  articleId: number;
  quote: string;
  kind: string;
  speaker: string | null;
  /** the sentence around a quote that is not a full one (partial, scare-quoted, reported), so its words are read in place */
  context?: { before: string; after: string } | null;
}

/** A paired statement of a comparison. */
export interface ReportPair {
  /** the pair's id (absent in reports made before pairs were chosen) */
  id?: number;
  relation: string;
  score: number;
  status: string;
  earlier: ReportVersion;
  later: ReportVersion;
  /** the word diff of the two quotes; each format renders it with renderDiff */
  parts: DiffPart[];
  changes: ReportChange[];
  fidelity: number;
  /** what the later version altered, in words ("figure changed: 40 → 14"); non-empty makes it a possible misquote */
  alterations: string[];
  /** the pair's verdict, when one was given */
  verdict?: ReportVerdict | null;
  /** uuids of the annotations on either version's words or on the pair, shown with it */
  annotations?: string[];
}

/** A pair's verdict as reports show it. */
export interface ReportVerdict {
  label: string;
  value: number;
  rationale: string;
  reviewer: string | null;
  givenAt: string | null;
  /** 'verdict-given' or 'second-review-done' */
  state: string;
  secondReviewer: string | null;
}

/** The comparison of two articles, earlier on the left. */
export interface ReportComparison {
  earlierId: number;
  laterId: number;
  pairs: ReportPair[];
  /** pairs of the two articles the selection left out (not reviewed, or not chosen) */
  omitted?: number;
}

/** How often a tag was used. */
export interface TagTally {
  tagId: string;
  label: string;
  family: string | null;
  count: number;
}

/** Editorial spans per category over the report's articles. */
export interface CategoryTally {
  category: string;
  name: string;
  writer: number;
  quoted: number;
}

/** An outlet's profile across the corpus. */
export interface OutletProfile {
  outlet: string;
  articles: number;
  words: number;
  /** its quotes paired with an earlier version in another outlet */
  retold: number;
  /** mean fidelity of those versions (0..1), null when there are none */
  meanFidelity: number | null;
  /** its paraphrase or gist versions of statements first reported elsewhere */
  looseVersions: number;
  /** of those, how many are printed inside quote marks (kind full or partial) */
  looseInQuoteMarks: number;
  /** looseInQuoteMarks / looseVersions, null when there are none */
  looseQuotedShare: number | null;
  /** editorial density over all its articles */
  density: EditorialDensity;
  /** reviewer tags on its articles, most used first */
  topTags: TagTally[];
}

/** Everything a report shows. */
export interface Report {
  title: string;
  scope: ReportScope;
  filters: ReportFilters;
  /** when the report was made (ISO UTC) */
  generatedAt: string;
  articles: ReportArticle[];
  comparisons: ReportComparison[];
  annotations: ReportAnnotation[];
  tagTallies: TagTally[];
  categoryTallies: CategoryTally[];
  /** for an outlet report */
  profile?: OutletProfile;
  /** pairs of the scope the selection left out (not reviewed, or not chosen) */
  omittedPairs?: number;
  /** the writer's summary and conclusion (note formatting), when given */
  summary?: string;
  conclusion?: string;
}
