/**
 * reports: annotations in the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/) as JSON-LD: an
 * AnnotationCollection whose pages hold the annotations. Each annotation has
 * TextualBody bodies (purpose `tagging` for its tag, `commenting` for its
 * note) and one target per span (two for a note on a pair), each a
 * SpecificResource with a TextQuoteSelector and a TextPositionSelector.
 *
 * Ids are absolute IRIs (`urn:uuid:<uuid>`), as the model requires. The
 * target `source` is the article's web address when it has one, so tools
 * that open addresses (Hypothesis and the like) find the page; the text is
 * named too, as `urn:retold:article:<sha256 of the text>` (see articleSource)
 * under `dcterms:identifier` — or as the source itself when there is no
 * address — so any instance that holds the same text finds the article even
 * without the address.
 */
import type { ReportAnnotation, ReportSpan } from './model.js';

/** The one JSON-LD context of the model (the https form fails the W3C tests). */
export const annoContext = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The key of a tagging body that holds the tag's id (Dublin Core identifier;
 * the anno.jsonld context defines the dcterms prefix). It cannot be the body's
 * `id`: a body with an id is an External Web Resource, which may not have a
 * purpose (W3C test 3.3.5-bodyEWRNoPurpose).
 */
export const tagIdKey = 'dcterms:identifier';

/** Prefix of an article source IRI; the text hash follows. */
export const articleIriPrefix = 'urn:retold:article:';

/** The IRI exports use for an article's text: stable across instances holding the same text. */
export function articleSource(textHash: string): string {
  return `${articleIriPrefix}${textHash}`;
}

/** The key of a target that holds the text's IRI when the source is the article's address. */
export const textIdKey = 'dcterms:identifier';

/** A target's source: the article's http(s) address when it has one, else its text's IRI. */
export function targetSource(url: string | null | undefined, textHash: string): string {
  return url && /^https?:\/\/\S+$/i.test(url) ? url : articleSource(textHash);
}

/** A JSON-LD object of the model (kept loose: it is written to JSON). */
export type JsonLd = Record<string, unknown>;

/** Options of buildAnnotationCollection. */
export interface CollectionOptions {
  /** the collection's id, an absolute IRI */
  id: string;
  label: string;
  /** annotations per page; by default all on one page */
  pageSize?: number;
}

/** A collection and its pages; the collection embeds the first page. */
export interface AnnotationCollectionExport {
  collection: JsonLd;
  pages: JsonLd[];
}

/** A timestamp as ISO 8601 UTC ending in Z (stored values already are; others are converted). */
export function toUtc(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`reports: not a timestamp: ${JSON.stringify(value)}`);
  return d.toISOString();
}

function targetOf(span: ReportSpan): JsonLd {
  return {
    type: 'SpecificResource',
    source: span.articleSource,
    ...(span.articleText && span.articleText !== span.articleSource ? { [textIdKey]: span.articleText } : {}),
    selector: [
      { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
    ],
  };
}

/** One annotation as a Web Annotation. */
export function toWebAnnotation(a: ReportAnnotation): JsonLd {
  const body: JsonLd[] = [];
  if (a.tagId)
    body.push({ type: 'TextualBody', purpose: 'tagging', value: a.tagLabel ?? a.tagId, [tagIdKey]: a.tagId });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  const motivation = body.map((b) => b.purpose as string);
  return {
    '@context': annoContext,
    id: `urn:uuid:${a.uuid}`,
    type: 'Annotation',
    motivation: motivation.length === 1 ? motivation[0] : motivation,
    creator: { type: 'Person', name: a.creatorName, nickname: a.creatorName },
    created: toUtc(a.createdAt),
    modified: toUtc(a.modifiedAt),
    body,
    target: a.other ? [targetOf(a), targetOf(a.other)] : targetOf(a),
  };
}

/**
 * Build an AnnotationCollection of these annotations, in pages of
 * `pageSize` (all on one page by default). Every page carries the context,
 * its id, partOf, startIndex and its items, and next/prev where there are
 * neighbours; the collection has total, first (the first page, embedded) and
 * last (the last page's id). An empty collection has total 0 and no page.
 */
export function buildAnnotationCollection(
  annotations: readonly ReportAnnotation[],
  options: CollectionOptions,
): AnnotationCollectionExport {
  const size = options.pageSize ?? Math.max(1, annotations.length);
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`reports: page size must be a positive integer, got ${options.pageSize}`);
  const items = annotations.map(toWebAnnotation);
  const count = Math.ceil(items.length / size);
  const pageId = (i: number) => `${options.id}:page:${i + 1}`;
  const pages: JsonLd[] = [];
  for (let i = 0; i < count; i += 1) {
    pages.push({
      '@context': annoContext,
      id: pageId(i),
      type: 'AnnotationPage',
      partOf: { id: options.id, label: options.label, total: items.length },
      startIndex: i * size,
      ...(i > 0 ? { prev: pageId(i - 1) } : {}),
      ...(i < count - 1 ? { next: pageId(i + 1) } : {}),
      // each annotation keeps its context, so it stands alone when taken out of the page
      items: items.slice(i * size, (i + 1) * size),
    });
  }
  const collection: JsonLd = {
    '@context': annoContext,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    ...(count > 0 ? { first: pages[0], last: pageId(count - 1) } : {}),
  };
  return { collection, pages };
}

/** The export file: the collection with its (single) page embedded, as indented JSON. */
export function renderAnnotationCollection(
  annotations: readonly ReportAnnotation[],
  options: Omit<CollectionOptions, 'pageSize'>,
): string {
  return `${JSON.stringify(buildAnnotationCollection(annotations, options).collection, null, 2)}\n`;
}
