/**
 * reports: annotations as CSV, one row per annotation. RFC 4180 (CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break, quotes
 * doubled), and cells a spreadsheet would read as a formula neutralised with a
 * leading apostrophe (OWASP "CSV Injection": =, +, -, @, tab and CR).
 */
import type { ReportAnnotation } from './model.js';

/** The header row, in column order. */
export const csvColumns = [
  'id',
  'article_id',
  'article',
  'outlet',
  'published',
  'start',
  'end',
  'exact',
  'tag',
  'note',
  'reviewer',
  'created',
  'modified',
  'status',
  'other_article_id',
  'other_exact',
] as const;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: numbers as they are, text neutralised and quoted when needed. */
export function formatCsvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralizeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (no line end). */
export function formatCsvRow(values: (string | number | null | undefined)[]): string {
  return values.map(formatCsvField).join(',');
}

/**
 * Render annotations as CSV text: a UTF-8 byte order mark (so spreadsheet
 * programs read the file as UTF-8), the header, one row per annotation, each
 * record ending in CRLF.
 */
export function renderAnnotationsCsv(annotations: readonly ReportAnnotation[]): string {
  const rows = annotations.map((a) =>
    formatCsvRow([
      a.uuid,
      a.articleId,
      a.articleTitle,
      a.articleOutlet,
      a.articlePublished,
      a.start,
      a.end,
      a.exact,
      a.tagLabel ?? a.tagId,
      a.note,
      a.creatorName,
      a.createdAt,
      a.modifiedAt,
      a.status,
      a.other?.articleId,
      a.other?.exact,
    ]),
  );
  return `\ufeff${[formatCsvRow([...csvColumns]), ...rows].map((r) => `${r}\r\n`).join('')}`;
}
