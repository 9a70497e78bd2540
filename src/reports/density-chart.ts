/**
 * The editorial-density chart: a small horizontal bar chart drawn as inline
 * SVG on the server, one row per category with a bar for the writer's words
 * and one for quoted words. Pure: a density in, a string of SVG out.
 *
 * Accessibility: the two voices differ by texture (diagonal hatching against
 * dots) and by a text label on every bar, not by colour alone (WCAG 1.4.1);
 * the SVG has role="img" with a <title> and a <desc> that states the figures in
 * words, and every number is printed beside its bar.
 */
import { EDITORIAL_CATEGORIES, type EditorialDensity } from '../editorial/index.js';
import { escapeHtml } from '../diff/index.js';

/** Options of renderDensityChart. */
export interface DensityChartOptions {
  /** prefix for the ids inside the SVG, unique on the page (two charts side by side) */
  idPrefix?: string;
  /** the chart's title; defaults to "Editorial language per 1,000 words" */
  title?: string;
  /** the article's sentence bias scores: a last row gives the share at or above `biasThreshold` */
  sentences?: readonly { bias: number }[];
  /** the score from which a sentence counts as likely biased (default 0.5) */
  biasThreshold?: number;
  /**
   * the density a full bar stands for; charts shown side by side pass the
   * same value (densityScale of both) so equal lengths mean equal densities
   */
  max?: number;
}

// every text is at least 12 px at the chart's own size (the page never shrinks it below that)
const FONT = 12;
const WIDTH = 460;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 86;
const BAR_HEIGHT = 12;
const ROW_HEIGHT = 2 * BAR_HEIGHT + 10;
const TOP = 30;

/** One decimal, the way the chart and its description print a density. */
export function formatDensity(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

function categoryName(id: string): string {
  return EDITORIAL_CATEGORIES.find((c) => c.id === id)?.name ?? id;
}

/** The rows in taxonomy order, then any category the taxonomy does not know. */
function rowsOf(density: EditorialDensity): { id: string; name: string; writer: number; quoted: number }[] {
  const known = EDITORIAL_CATEGORIES.map((c) => c.id as string);
  const ids = [
    ...known.filter((id) => id in density.byCategory),
    ...Object.keys(density.byCategory).filter((id) => !known.includes(id)),
  ];
  return ids.map((id) => ({
    id,
    name: categoryName(id),
    writer: density.byCategory[id].writer,
    quoted: density.byCategory[id].quoted,
  }));
}

function describe(density: EditorialDensity, rows: ReturnType<typeof rowsOf>): string {
  const head = `Editorial spans per 1,000 words: ${formatDensity(density.total)} in all, ${formatDensity(density.writer)} in the writer's words and ${formatDensity(density.quoted)} inside quotations.`;
  const used = rows.filter((r) => r.writer > 0 || r.quoted > 0);
  if (used.length === 0) return `${head} No category is used.`;
  const parts = used.map((r) => `${r.name}: writer ${formatDensity(r.writer)}, quoted ${formatDensity(r.quoted)}`);
  return `${head} ${parts.join('; ')}.`;
}

/** The largest density among these (at least 1): the common scale of charts shown together. */
export function densityScale(densities: EditorialDensity[]): number {
  return Math.max(1, ...densities.flatMap((d) => Object.values(d.byCategory).flatMap((c) => [c.writer, c.quoted])));
}

/**
 * Render an article's editorial density (from measureDensity) as an
 * accessible inline SVG bar chart. All text is escaped; the result can be
 * written into a page as it is.
 */
export function renderDensityChart(density: EditorialDensity, options: DensityChartOptions = {}): string {
  if (!density || typeof density !== 'object' || !density.byCategory)
    throw new TypeError('density-chart: renderDensityChart expects a density from measureDensity');
  const prefix = (options.idPrefix ?? 'density').replace(/[^A-Za-z0-9_-]/g, '-');
  const title = options.title ?? 'Editorial language per 1,000 words';
  const rows = rowsOf(density);
  const max = Math.max(densityScale([density]), options.max ?? 0);
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const sentences = options.sentences ?? [];
  const biased = sentences.filter((x) => x.bias >= (options.biasThreshold ?? 0.5)).length;
  const height = TOP + (rows.length + (sentences.length ? 1 : 0)) * ROW_HEIGHT + 6;
  const id = (name: string) => `${prefix}-${name}`;
  const bar = (y: number, value: number, voice: 'writer' | 'quoted') => {
    const w = value > 0 ? Math.max(2, (value / max) * barArea) : 0;
    const label = `${voice === 'writer' ? 'writer' : 'quoted'} ${formatDensity(value)}`;
    return (
      (w > 0
        ? `<rect class="bar bar-${voice}" x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="url(#${id(voice)})" stroke="currentColor" stroke-width="0.75"/>`
        : '') +
      `<text class="bar-value" x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 2}" font-size="${FONT}">${escapeHtml(label)}</text>`
    );
  };
  const body = rows
    .map((r, i) => {
      const y = TOP + i * ROW_HEIGHT;
      return (
        `<g class="row" data-category="${escapeHtml(r.id)}">` +
        `<text class="row-label" x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT + 5}" text-anchor="end" font-size="${FONT}">${escapeHtml(r.name)}</text>` +
        bar(y, r.writer, 'writer') +
        bar(y + BAR_HEIGHT + 1, r.quoted, 'quoted') +
        '</g>'
      );
    })
    .join('');
  const biasRow = sentences.length
    ? (() => {
        const y = TOP + rows.length * ROW_HEIGHT;
        const w = (biased / sentences.length) * barArea;
        return (
          '<g class="row bias-row">' +
          `<text class="row-label" x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT + 5}" text-anchor="end" font-size="${FONT}">Likely biased sentences</text>` +
          (w > 0
            ? `<rect class="bar bar-bias" x="${LABEL_WIDTH}" y="${y + 2}" width="${Math.max(2, w).toFixed(1)}" height="${BAR_HEIGHT + 4}" fill="none" stroke="currentColor" stroke-width="1.5"/>`
            : '') +
          `<text class="bar-value" x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + BAR_HEIGHT + 5}" font-size="${FONT}">${escapeHtml(`${biased} of ${sentences.length}`)}</text>` +
          '</g>'
        );
      })()
    : '';
  // the legend starts at the left edge, each swatch placed after the text before it (about 0.6 em a character)
  const legendItems: [string, 'writer' | 'quoted'][] = [
    ["writer's words (hatched)", 'writer'],
    ['quoted (dotted)', 'quoted'],
  ];
  let legendX = 0;
  let legend = `<g class="legend" font-size="${FONT}">`;
  for (const [text, voice] of legendItems) {
    legend += `<rect x="${legendX}" y="6" width="16" height="12" fill="url(#${id(voice)})" stroke="currentColor" stroke-width="0.75"/>`;
    // fixed words of our own, no markup in them
    legend += `<text x="${legendX + 21}" y="16">${text}</text>`;
    legendX += 21 + Math.ceil(text.length * FONT * 0.6) + 18;
  }
  legend += '</g>';
  // hatching for the writer, dots for quotations: the voices differ without colour
  const defs =
    '<defs>' +
    `<pattern id="${id('writer')}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#fde2c4"/><line x1="0" y1="0" x2="0" y2="5" stroke="#8a3b00" stroke-width="2.2"/></pattern>` +
    `<pattern id="${id('quoted')}" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#dbe8fb"/><circle cx="2" cy="2" r="1.1" fill="#1d4f91"/></pattern>` +
    '</defs>';
  return (
    `<svg class="density-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id('title')} ${id('desc')}">` +
    `<title id="${id('title')}">${escapeHtml(title)}</title>` +
    `<desc id="${id('desc')}">${escapeHtml(describe(density, rows) + (sentences.length ? ` Likely biased sentences: ${biased} of ${sentences.length}.` : ''))}</desc>` +
    defs +
    legend +
    body +
    biasRow +
    '</svg>'
  );
}
