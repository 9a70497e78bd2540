/**
 * Rendering article text as escaped HTML paragraphs, with optional highlighted
 * spans (quotes, editorial suggestions, annotations). Article text is never
 * rendered as HTML: every character goes through escapeHtml.
 */

import { escapeHtml } from '../diff/index.js';

export { escapeHtml };
export { paragraphsOf, type Paragraph } from '../ingest/paragraphs.js';

/** A span to highlight, with offsets into the text. */
export interface Highlight {
  start: number;
  end: number;
  /** CSS classes of the wrapping element */
  className: string;
  /** tooltip */
  title?: string;
  /** element id, on the first piece of the span */
  id?: string;
  /** extra data-* attributes */
  data?: Record<string, string | number>;
}

/**
 * Render the range [from, to) of text as escaped HTML with the highlights that
 * fall in it. Overlapping highlights nest: the text is cut at every boundary
 * and each piece is wrapped in the highlights covering it (outer = longer).
 */
export function renderHighlighted(text: string, highlights: Highlight[], from = 0, to = text.length): string {
  const inRange = highlights.filter((h) => h.end > from && h.start < to && h.end > h.start);
  const cuts = new Set<number>([from, to]);
  for (const h of inRange) {
    cuts.add(Math.max(from, h.start));
    cuts.add(Math.min(to, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const opened = new Set<Highlight>();
  let html = '';
  for (let i = 0; i < points.length - 1; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    const covering = inRange
      .filter((h) => h.start <= a && h.end >= b)
      .sort((x, y) => y.end - y.start - (x.end - x.start));
    let piece = escapeHtml(text.slice(a, b)).replace(/\n/g, '<br>');
    for (let j = covering.length - 1; j >= 0; j -= 1) {
      const h = covering[j];
      const first = !opened.has(h);
      opened.add(h);
      const attrs = [`class="${escapeHtml(h.className)}"`];
      if (h.title) attrs.push(`title="${escapeHtml(h.title)}"`);
      if (first && h.id) attrs.push(`id="${escapeHtml(h.id)}"`);
      for (const [k, v] of Object.entries(h.data ?? {})) attrs.push(`data-${k}="${escapeHtml(String(v))}"`);
      piece = `<span ${attrs.join(' ')}>${piece}</span>`;
    }
    html += piece;
  }
  return html;
}
