/** How stored spans (quotes, editorial suggestions) appear as highlights in article text. */
import type { QuoteRow } from '../store/quotes.js';
import type { EditorialSentenceRow, EditorialSpanRow } from '../store/editorial.js';
import type { Highlight } from './render-text.js';

/** Quotes, marked by kind, with the speaker in the tooltip. */
export function quoteHighlights(quotes: QuoteRow[]): Highlight[] {
  return quotes.map((q) => ({
    start: q.start,
    end: q.end,
    className: `q q-${q.kind}`,
    id: `quote-${q.id}`,
    title: `${q.kind} quote — ${q.speaker ?? 'speaker unknown'}${q.cue ? ` (${q.cue}${q.outlet ? ` ${q.outlet}` : ''})` : ''}`,
    data: { quote: q.id },
  }));
}

/** Editorial suggestions, marked by voice, with the category in the tooltip. */
export function editorialHighlights(spans: EditorialSpanRow[]): Highlight[] {
  return spans.map((e) => ({
    start: e.start,
    end: e.end,
    className: `ed ed-${e.voice}${e.status === 'accepted' ? ' ed-accepted' : ''}`,
    id: `editorial-${e.id}`,
    title: `${e.category} (${e.voice === 'writer' ? "the writer's words" : 'inside a quotation'})${e.confidence === null ? '' : `, confidence ${e.confidence.toFixed(2)}`}${e.learnt ? ', found by the model' : ''}`,
    data: { editorial: e.id, category: e.category },
  }));
}

/** The bands of sentence shading: from this bias score up, the band's class (views/editorial/suggestions.ejs has the legend). */
export const BIAS_BANDS = [
  { from: 0.8, band: 3 },
  { from: 0.6, band: 2 },
  { from: 0.4, band: 1 },
] as const;

/** Sentences shaded by bias score; a sentence under the lowest band is not marked. */
export function sentenceHighlights(sentences: EditorialSentenceRow[]): Highlight[] {
  const out: Highlight[] = [];
  for (const s of sentences) {
    const band = BIAS_BANDS.find((b) => s.bias >= b.from)?.band;
    if (band === undefined) continue;
    out.push({
      start: s.start,
      end: s.end,
      className: `bias bias-${band}`,
      title: `sentence bias score ${s.bias.toFixed(2)}`,
      data: { bias: s.bias },
    });
  }
  return out;
}
