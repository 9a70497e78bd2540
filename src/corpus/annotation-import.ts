/**
 * Importing a Web Annotation export (JSON-LD) into this instance.
 *
 * Import decisions:
 * - One transaction for the whole file. Annotations that can be stored are
 *   committed together; those that cannot (article not here, unknown tag,
 *   unreadable) are listed with the reason and nothing of them is stored. A
 *   file that is not valid JSON or not an AnnotationCollection imports
 *   nothing.
 * - Articles are found by the target's text IRI (`urn:retold:article:<hash>`,
 *   as the source or under dcterms:identifier; the hash of the current text
 *   or of an earlier version) or else by its source address, when exactly one
 *   article has it: an export from an instance whose text was since replaced
 *   still finds the article by its address.
 * - Anchoring: the TextPositionSelector when the exact words are there; else
 *   the TextQuoteSelector (exact words, best-matching context); else a fuzzy
 *   match (reanchor). When the words cannot be found the annotation is still
 *   imported, as `orphaned` with the file's words and position, so a reviewer
 *   can place it again; it is reported as orphaned, never dropped silently.
 * - Uuids are kept; an annotation whose uuid is already here is reported as
 *   already present and left as it is.
 * - Every imported annotation belongs to the importing user, and its own
 *   created and modified times are those of the import. The file's creator
 *   name and creation time are kept apart as provenance ("imported; written
 *   by NAME on DATE"), never matched to an account here: a file can say
 *   anything, and taking its names and dates let a reviewer plant notes as
 *   written by an admin, by another reviewer or by a viewer, back-dated.
 */
import type { Db } from '../db.js';
import { describeSpan, reanchor, type TextAnchor } from '../annotations/anchor.js';
import { getArticle } from '../store/articles.js';
import { getAnnotationByUuid, insertAnnotation, insertHistory } from '../store/annotations.js';
import { findArticleIdByHash, findArticleIdByUrl } from '../store/reports.js';
import { getTag, listTags } from '../store/tags.js';
import { getUser } from '../store/users.js';
import { cleanLine } from '../ingest/fields.js';
import { articleIriPrefix } from '../reports/jsonld.js';
import { readAnnotationCollection, type ImportedAnnotation, type ImportedTarget } from '../reports/read-jsonld.js';
import { cleanNote, maxNoteLength } from './annotations.js';
import { ensureTags } from './tags.js';

/** How an imported annotation was placed. */
export type ImportPlacement = 'position' | 'quote' | 'fuzzy' | 'orphaned';

/** What an import did, annotation by annotation. */
export interface ImportReport {
  /** false when the file was refused as a whole (then nothing was imported) */
  ok: boolean;
  error?: string;
  /** `creator` is the importing user, who owns the annotation; `writtenBy` is the file's creator name (provenance) */
  imported: {
    id: string;
    uuid: string;
    articleId: number;
    placement: ImportPlacement;
    creator: string;
    writtenBy: string | null;
  }[];
  present: { id: string; uuid: string }[];
  refused: { index: number; id: string | null; reason: string }[];
  warnings: string[];
}

function findArticleByIri(db: Db, iri: string | null): number | undefined {
  if (!iri) return undefined;
  if (iri.startsWith(articleIriPrefix)) return findArticleIdByHash(db, iri.slice(articleIriPrefix.length));
  if (/^https?:\/\//i.test(iri)) return findArticleIdByUrl(db, iri);
  return undefined;
}

/** The article a target names: by its text (the same words, or an earlier version of them) first, else by its address. */
function findArticleOfTarget(db: Db, t: ImportedTarget): number | undefined {
  return findArticleByIri(db, t.textId) ?? findArticleByIri(db, t.source);
}

function placeTarget(text: string, t: ImportedTarget): TextAnchor & { placement: ImportPlacement } {
  if (t.start !== null && t.end !== null && text.slice(t.start, t.end) === t.exact)
    return { placement: 'position', ...describeSpan(text, t.start, t.end) };
  const guess = t.start ?? 0;
  const r = reanchor(
    { start: guess, end: guess + t.exact.length, exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    text,
  );
  if (r.status === 'unchanged' || r.status === 'moved')
    return { placement: 'quote', ...describeSpan(text, r.start, r.end) };
  if (r.status === 'fuzzy') return { placement: 'fuzzy', ...describeSpan(text, r.start, r.end) };
  // kept with the file's words and position so that a reviewer can place it again
  const start = Math.max(0, t.start ?? 0);
  return {
    placement: 'orphaned',
    start,
    end: Math.max(start + 1, t.end ?? start + t.exact.length),
    exact: t.exact,
    prefix: t.prefix,
    suffix: t.suffix,
  };
}

function resolveTag(db: Db, a: ImportedAnnotation): { tagId: string | null } | { error: string } {
  if (!a.tagId && !a.tagLabel) return { tagId: null };
  if (a.tagId && getTag(db, a.tagId)) return { tagId: a.tagId };
  const byLabel = a.tagLabel
    ? listTags(db, true).find((t) => t.label.toLowerCase() === a.tagLabel!.toLowerCase())
    : undefined;
  if (byLabel) return { tagId: byLabel.id };
  return { error: `the tag ${JSON.stringify(a.tagLabel ?? a.tagId)} is not in this instance's taxonomy` };
}

/**
 * Import an exported AnnotationCollection (JSON-LD text) into this instance
 * as `importer` (web: the signed-in reviewer; CLI: --user), who owns every
 * annotation imported.
 */
export function importAnnotations(db: Db, text: string, importer: { id: number }): ImportReport {
  const reading = readAnnotationCollection(text);
  if (!reading.ok) return { ok: false, error: reading.error, imported: [], present: [], refused: [], warnings: [] };
  ensureTags(db);
  const importerName = getUser(db, importer.id)?.username ?? String(importer.id);
  const report: ImportReport = {
    ok: true,
    imported: [],
    present: [],
    refused: [...reading.refused],
    warnings: [...reading.warnings],
  };
  db.transaction(() => {
    reading.annotations.forEach((a, index) => {
      const refuse = (reason: string) => report.refused.push({ index, id: a.id, reason });
      if (getAnnotationByUuid(db, a.uuid)) return void report.present.push({ id: a.id, uuid: a.uuid });
      const spans: ({ articleId: number } & ReturnType<typeof placeTarget>)[] = [];
      for (const t of a.targets) {
        const articleId = findArticleOfTarget(db, t);
        if (articleId === undefined) return refuse(`no article here has the source ${t.source}`);
        spans.push({ articleId, ...placeTarget(getArticle(db, articleId)!.text, t) });
      }
      if (spans.length === 2 && spans[0].articleId === spans[1].articleId)
        return refuse('both targets are in the same article');
      const tag = resolveTag(db, a);
      if ('error' in tag) return refuse(tag.error);
      const note = cleanNote(a.note);
      if (note && note.length > maxNoteLength) return refuse(`the note is longer than ${maxNoteLength} characters`);
      const imported = {
        author: cleanLine(a.creatorName ?? '').slice(0, 200) || null,
        createdAt: validTime(a.createdAt),
      };
      const [main, other] = spans;
      const orphaned = spans.some((s) => s.placement === 'orphaned');
      const pick = (s: (typeof spans)[number]) => ({
        articleId: s.articleId,
        start: s.start,
        end: s.end,
        exact: s.exact,
        prefix: s.prefix,
        suffix: s.suffix,
      });
      const at = new Date().toISOString();
      const row = {
        uuid: a.uuid,
        ...pick(main),
        tagId: tag.tagId,
        note,
        other: other ? pick(other) : null,
        creatorId: importer.id,
        status: orphaned ? ('orphaned' as const) : ('active' as const),
        createdAt: at,
        imported,
      };
      const id = insertAnnotation(db, row);
      insertHistory(db, {
        annotationId: id,
        userId: importer.id,
        action: 'create',
        at,
        before: null,
        after: { ...row, importedFrom: a.id },
      });
      const worst = spans.map((s) => s.placement).sort((x, y) => order.indexOf(y) - order.indexOf(x))[0];
      report.imported.push({
        id: a.id,
        uuid: a.uuid,
        articleId: main.articleId,
        placement: worst,
        creator: importerName,
        writtenBy: imported.author,
      });
    });
  }).immediate();
  return report;
}

const order: ImportPlacement[] = ['position', 'quote', 'fuzzy', 'orphaned'];

/** The file's time when it is a real ISO 8601 time, else null (provenance is shown, never trusted). */
function validTime(value: string | null | undefined): string | null {
  if (!value || value.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}
