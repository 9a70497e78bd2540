/**
 * schema.org ClaimReview (JSON-LD) for verdicts: one ClaimReview per verdict,
 * as fact-checking sites embed them and search engines and fact-check tools
 * read them (https://schema.org/ClaimReview; the search-engine requirements
 * ask for claimReviewed, reviewRating with alternateName, url and author).
 *
 * The claim reviewed is the retold version's words; the Claim's author is the
 * speaker the retold version names and its appearance the article that
 * printed it. The review's author is the organisation running retold
 * (RETOLD_CLAIMREVIEW_AUTHOR), and its url the verdict's page under
 * RETOLD_PUBLIC_URL.
 */

/** The organisation publishing the reviews and where its retold is served. */
export interface ClaimReviewPublisher {
  /** organisation name (the ClaimReview author) */
  name: string;
  /** the organisation's own address, if any */
  url: string | null;
  /** the public base address of this retold, without a trailing slash */
  baseUrl: string;
}

/** The article that printed the retold version. */
export interface ClaimAppearance {
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** the article's content IRI (urn:retold:article:<hash>), for articles with no address */
  source: string;
}

/** One verdict as the export needs it. */
export interface ClaimReviewItem {
  verdictId: number;
  /** the retold version's words */
  claim: string;
  speaker: string | null;
  appearance: ClaimAppearance;
  rating: { value: number; label: string; best: number; worst: number };
  rationale: string;
  /** when the verdict was given (ISO) */
  givenAt: string;
}

type JsonObject = Record<string, unknown>;

const compact = (o: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/** One ClaimReview object (with its @context, as search engines read each one alone). */
export function toClaimReview(item: ClaimReviewItem, publisher: ClaimReviewPublisher): JsonObject {
  const a = item.appearance;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${publisher.baseUrl}/verdicts/${item.verdictId}`,
    claimReviewed: item.claim,
    itemReviewed: compact({
      '@type': 'Claim',
      author: item.speaker ? { '@type': 'Person', name: item.speaker } : undefined,
      datePublished: a.published ?? undefined,
      appearance: compact({
        '@type': 'NewsArticle',
        headline: a.title,
        url: a.url ?? undefined,
        identifier: a.source,
        datePublished: a.published ?? undefined,
        publisher: a.outlet ? { '@type': 'Organization', name: a.outlet } : undefined,
      }),
    }),
    author: compact({ '@type': 'Organization', name: publisher.name, url: publisher.url ?? undefined }),
    datePublished: item.givenAt.slice(0, 10),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: item.rating.value,
      bestRating: item.rating.best,
      worstRating: item.rating.worst,
      alternateName: item.rating.label,
    },
    reviewBody: item.rationale,
  };
}

/** The export file: a JSON array of ClaimReview objects, verdict by verdict. */
export function renderClaimReviews(items: ClaimReviewItem[], publisher: ClaimReviewPublisher): string {
  return `${JSON.stringify(
    items.map((i) => toClaimReview(i, publisher)),
    null,
    2,
  )}\n`;
}
