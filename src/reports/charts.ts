/**
 * reports: a small horizontal bar chart as inline SVG, for shares and counts
 * (outlet fidelity, tag use). One series, so no colour key is needed; every
 * bar has its value printed beside it and the SVG states all figures in its
 * <desc> for screen readers. Pure: rows in, escaped SVG out.
 */
import { escapeHtml } from '../diff/index.js';

/** One bar. */
export interface BarRow {
  label: string;
  value: number;
  /** the value as printed beside the bar */
  text: string;
}

/** Options of renderBarChart. */
export interface BarChartOptions {
  title: string;
  /** the value of a full-width bar; defaults to the largest value */
  max?: number;
  /** prefix of the ids inside the SVG, unique on the page */
  idPrefix?: string;
}

const WIDTH = 460;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 60;
const ROW = 18;
const TOP = 8;

/** Render rows as an accessible horizontal bar chart; an empty list gives a chart that says so. */
export function renderBarChart(rows: readonly BarRow[], options: BarChartOptions): string {
  const prefix = (options.idPrefix ?? 'bars').replace(/[^A-Za-z0-9_-]/g, '-');
  const max = options.max ?? Math.max(0, ...rows.map((r) => r.value));
  const area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = TOP + Math.max(1, rows.length) * ROW + 4;
  const desc = rows.length ? rows.map((r) => `${r.label}: ${r.text}`).join('; ') : 'No data.';
  const bars = rows
    .map((r, i) => {
      const y = TOP + i * ROW;
      const w = max > 0 && r.value > 0 ? Math.max(2, (r.value / max) * area) : 0;
      const label = r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label;
      return (
        `<text x="${LABEL_WIDTH - 6}" y="${y + 11}" text-anchor="end" font-size="11">${escapeHtml(label)}</text>` +
        (w > 0
          ? `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${w.toFixed(1)}" height="11" fill="#c9d8ee" stroke="currentColor" stroke-width="0.75"/>`
          : '') +
        `<text x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + 11}" font-size="10">${escapeHtml(r.text)}</text>`
      );
    })
    .join('');
  const empty = rows.length ? '' : `<text x="${LABEL_WIDTH}" y="${TOP + 11}" font-size="11">No data.</text>`;
  return (
    `<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">` +
    `<title id="${prefix}-title">${escapeHtml(options.title)}</title><desc id="${prefix}-desc">${escapeHtml(desc)}</desc>${bars}${empty}</svg>`
  );
}
