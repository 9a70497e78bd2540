/**
 * Evaluation of ingest: the metadata detected for each sample (title,
 * published date, author, outlet) against the reference values, and whether
 * every reference quotation can still be found in the normalized text — page
 * furniture removal must never take quoted text away.
 *
 * A title made from the first sentence (titleSource 'fallback') counts as "no
 * title detected". Outlets compare loosely: case, "www.", a leading "The" and
 * remarks in brackets ("afgazad.com (republished)") are ignored, and one name
 * may contain the other.
 * Floor: every reference quotation is located. Metadata has no floor.
 */
import { locateGoldSpan, type EvalContext } from './corpus.js';
import type { EvalSection } from './sections.js';

const FIELDS = ['title', 'published', 'author', 'outlet'] as const;
type Field = (typeof FIELDS)[number];

/** One compared value. */
export interface MetadataRow {
  article: string;
  field: Field;
  detected: string | null;
  reference: string | null;
  correct: boolean;
}

/** Figures of the ingest evaluation, for the section and for tests. */
export interface MetadataScores {
  rows: MetadataRow[];
  /** share correct per field, and over all fields */
  share: Record<Field | 'all', number>;
  quotes: { located: number; total: number; lost: string[] };
  editorial: { located: number; total: number };
}

function simplify(value: string, field: Field): string {
  let v = value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (field === 'outlet')
    v = v
      .replace(/\([^)]*\)/g, '')
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/^the /, '')
      .trim();
  return v;
}

function agrees(field: Field, detected: string | null, reference: string | null): boolean {
  if (detected === null || reference === null) return detected === reference;
  const a = simplify(detected, field);
  const b = simplify(reference, field);
  if (field === 'outlet') return a === b || (a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a)));
  return a === b;
}

/** Compare the detected metadata with the reference and locate the reference quotations. */
export function scoreMetadata(ctx: EvalContext): MetadataScores {
  const rows: MetadataRow[] = [];
  for (const ref of ctx.gold.articles) {
    const i = ctx.index.get(ref.key);
    if (i === undefined) continue;
    const article = ctx.items[i].article;
    const detected: Record<Field, string | null> = {
      title: article.titleSource === 'fallback' ? null : article.title,
      published: article.published,
      author: article.author,
      outlet: article.outlet,
    };
    for (const field of FIELDS) {
      rows.push({
        article: ref.key,
        field,
        detected: detected[field],
        reference: ref[field],
        correct: agrees(field, detected[field], ref[field]),
      });
    }
  }
  const shareOf = (subset: MetadataRow[]): number =>
    subset.length ? subset.filter((r) => r.correct).length / subset.length : 0;
  const share = Object.fromEntries([
    ...FIELDS.map((f) => [f, shareOf(rows.filter((r) => r.field === f))]),
    ['all', shareOf(rows)],
  ]) as MetadataScores['share'];
  const lost = ctx.gold.quotes
    .filter((q) => !locateGoldSpan(ctx, q.article, q))
    .map((q) => `${q.id} (${q.article}): ${q.text.slice(0, 60)}`);
  const editorialLocated = ctx.gold.editorial.filter((e) => locateGoldSpan(ctx, e.article, e)).length;
  return {
    rows,
    share,
    quotes: { located: ctx.gold.quotes.length - lost.length, total: ctx.gold.quotes.length, lost },
    editorial: { located: editorialLocated, total: ctx.gold.editorial.length },
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const show = (v: string | null): string => (v === null ? '—' : JSON.stringify(v));

/** The ingest section of `npm run eval`. */
export const metadataSection: EvalSection = {
  name: 'Ingest: metadata and furniture',
  run(ctx) {
    const s = scoreMetadata(ctx);
    const lines: string[] = [];
    for (const key of [...new Set(s.rows.map((r) => r.article))]) {
      lines.push(`${key}:`);
      for (const r of s.rows.filter((x) => x.article === key)) {
        lines.push(
          `  ${r.correct ? 'ok  ' : 'MISS'} ${r.field.padEnd(9)} detected ${show(r.detected)} / reference ${show(r.reference)}`,
        );
      }
    }
    lines.push(
      `correct: title ${pct(s.share.title)}, published ${pct(s.share.published)}, author ${pct(s.share.author)}, outlet ${pct(s.share.outlet)}; all fields ${pct(s.share.all)} (${s.rows.filter((r) => r.correct).length}/${s.rows.length})`,
    );
    lines.push(`reference quotations located in the normalized text: ${s.quotes.located}/${s.quotes.total}`);
    lines.push(`reference editorial spans located in the normalized text: ${s.editorial.located}/${s.editorial.total}`);
    for (const q of s.quotes.lost) lines.push(`  lost: ${q}`);
    const failures = s.quotes.lost.length
      ? [`${s.quotes.lost.length} reference quotation(s) lost in normalization or furniture removal`]
      : [];
    return { lines, failures };
  },
};
