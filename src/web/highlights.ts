/** How stored spans (quotes, editorial suggestions) appear as highlights in article text. */
import type { QuoteRow } from '../store/quotes.js';
import type { EditorialSpanRow } from '../store/editorial.js';
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
    title: `${e.category} (${e.voice === 'writer' ? "the writer's words" : "inside a quotation"})`,
    data: { editorial: e.id, category: e.category },
  }));
}
