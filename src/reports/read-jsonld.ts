/**
 * reports: reading a Web Annotation collection back (the import side of
 * jsonld.ts). Pure: text in, the annotations it names out, each one either
 * read or refused with the reason. Values may be single or in arrays, as
 * JSON-LD allows; only what retold can store is read (TextualBody bodies,
 * text selectors), the rest is reported.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TextAnchor } from '../annotations/anchor.js';
import { tagIdKey, textIdKey } from './jsonld.js';
import { describeJsonError } from '../json-error.js';

/** One target of an imported annotation. */
export interface ImportedTarget extends Omit<TextAnchor, 'start' | 'end'> {
  source: string;
  /** the text's IRI given beside the source (dcterms:identifier), if any */
  textId: string | null;
  /** from a TextPositionSelector, when given */
  start: number | null;
  end: number | null;
}

/** An annotation read from the file. */
export interface ImportedAnnotation {
  /** the annotation's id in the file */
  id: string;
  /** uuid kept from `urn:uuid:` ids; other ids get a name-based uuid so a re-import matches */
  uuid: string;
  tagId: string | null;
  tagLabel: string | null;
  note: string | null;
  creatorName: string | null;
  createdAt: string;
  modifiedAt: string;
  /** one target, or two for a note on a pair */
  targets: ImportedTarget[];
}

/** An annotation the file names that could not be read. */
export interface RefusedItem {
  /** position in the collection, from 0 */
  index: number;
  id: string | null;
  reason: string;
}

/** The outcome of reading a file. */
export type CollectionReading =
  | { ok: true; label: string | null; annotations: ImportedAnnotation[]; refused: RefusedItem[]; warnings: string[] }
  | { ok: false; error: string };

const one = <T extends z.ZodType>(t: T) =>
  z.union([t, z.array(t).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));
const timestamp = z
  .string()
  .refine((s) => /T.*(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), 'a date-time with a time zone');

const selector = z.looseObject({ type: z.string() });
const target = z.looseObject({
  source: z.string().min(1),
  selector: one(selector),
  [textIdKey]: z.unknown().optional(),
});
const body = z.looseObject({
  type: z.string().optional(),
  purpose: z.string().optional(),
  value: z.string().optional(),
  [tagIdKey]: z.string().optional(),
});
const annotation = z.looseObject({
  id: z.string().min(1),
  type: one(z.string()).refine((t) => t.includes('Annotation'), 'type Annotation'),
  body: one(body).optional(),
  target: one(z.union([target, z.string()])),
  creator: z
    .union([z.string(), z.looseObject({ name: one(z.string()).optional(), nickname: z.string().optional() })])
    .optional(),
  created: timestamp.optional(),
  modified: timestamp.optional(),
});

function uuidFromId(id: string): string {
  const m = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id);
  if (m) return m[1].toLowerCase();
  // RFC 4122 name-based (SHA-1, version 5) uuid of the foreign id, so that importing the same file twice finds it again
  const h = createHash('sha1').update(`retold:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function issueText(error: z.ZodError): string {
  const i = error.issues[0];
  return `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`;
}

function readTarget(t: z.infer<typeof target> | string): ImportedTarget | string {
  if (typeof t === 'string') return `target ${t} has no selector`;
  const quote = t.selector.find((s) => s.type === 'TextQuoteSelector');
  const position = t.selector.find((s) => s.type === 'TextPositionSelector');
  if (!quote || typeof quote.exact !== 'string' || !quote.exact) return `target ${t.source} has no TextQuoteSelector`;
  const pos =
    position &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    (position.start as number) >= 0 &&
    (position.end as number) > (position.start as number)
      ? { start: position.start as number, end: position.end as number }
      : { start: null, end: null };
  const textId = t[textIdKey];
  return {
    source: t.source,
    textId: typeof textId === 'string' ? textId : null,
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    ...pos,
  };
}

function readAnnotation(raw: unknown, index: number): ImportedAnnotation | RefusedItem {
  const rawId =
    raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : null;
  const parsed = annotation.safeParse(raw);
  if (!parsed.success) return { index, id: rawId, reason: `not a Web Annotation (${issueText(parsed.error)})` };
  const a = parsed.data;
  const bodies = a.body ?? [];
  const tagging = bodies.find((b) => b.purpose === 'tagging' && (b.value || b[tagIdKey]));
  const comment = bodies.find((b) => b.purpose !== 'tagging' && b.type === 'TextualBody' && b.value);
  const tagId = tagging?.[tagIdKey] ?? null;
  const tagLabel = tagging?.value ?? null;
  const note = comment?.value ?? null;
  if (!tagId && !tagLabel && !note) return { index, id: a.id, reason: 'it has neither a tagging nor a comment body' };
  if (a.target.length > 2)
    return { index, id: a.id, reason: `it has ${a.target.length} targets (retold keeps one, or two for a pair)` };
  const targets: ImportedTarget[] = [];
  for (const t of a.target) {
    const r = readTarget(t);
    if (typeof r === 'string') return { index, id: a.id, reason: r };
    targets.push(r);
  }
  const creator =
    a.creator === undefined
      ? null
      : typeof a.creator === 'string'
        ? a.creator
        : (a.creator.nickname ?? a.creator.name?.[0] ?? null);
  const created = a.created ?? a.modified;
  if (!created) return { index, id: a.id, reason: 'it has no created date' };
  const utc = (s: string) => new Date(s).toISOString();
  return {
    id: a.id,
    uuid: uuidFromId(a.id),
    tagId,
    tagLabel,
    note,
    creatorName: creator,
    createdAt: /Z$/.test(created) ? created : utc(created),
    modifiedAt: a.modified ? (/Z$/.test(a.modified) ? a.modified : utc(a.modified)) : created,
    targets,
  };
}

const page = z.looseObject({
  type: one(z.string()),
  items: z.array(z.unknown()).default([]),
  next: z.unknown().optional(),
});

/**
 * Read an exported AnnotationCollection. Refuses the whole file when it is
 * not JSON or not a collection; otherwise reads each annotation of the
 * embedded pages (first, then next while they are embedded objects) and
 * lists those it cannot read with the reason.
 */
export function readAnnotationCollection(text: string): CollectionReading {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    return { ok: false, error: `reports: the file is not valid JSON (${describeJsonError(err)})` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, error: 'reports: the file is not an AnnotationCollection (not a JSON object)' };
  const c = json as Record<string, unknown>;
  const types = Array.isArray(c.type) ? c.type : [c.type];
  if (!types.includes('AnnotationCollection'))
    return {
      ok: false,
      error: `reports: the file is not an AnnotationCollection (type is ${JSON.stringify(c.type ?? null)})`,
    };
  const warnings: string[] = [];
  const items: unknown[] = [];
  let next: unknown = c.first;
  for (let n = 0; next !== undefined && next !== null; n += 1) {
    if (typeof next === 'string') {
      warnings.push(`page ${next} is not in the file; only embedded pages are read`);
      break;
    }
    const p = page.safeParse(next);
    if (!p.success || !p.data.type.includes('AnnotationPage'))
      return { ok: false, error: `reports: page ${n + 1} of the collection is not an AnnotationPage` };
    items.push(...p.data.items);
    next = p.data.next;
  }
  if (typeof c.total === 'number' && c.total !== items.length)
    warnings.push(`the collection says it holds ${c.total} annotations; the file has ${items.length}`);
  const annotations: ImportedAnnotation[] = [];
  const refused: RefusedItem[] = [];
  items.forEach((raw, i) => {
    const r = readAnnotation(raw, i);
    if ('reason' in r) refused.push(r);
    else annotations.push(r);
  });
  return { ok: true, label: typeof c.label === 'string' ? c.label : null, annotations, refused, warnings };
}
