/**
 * diff: the one place a diff becomes HTML. Tests assert through it with compact
 * strings (`'<del>a</del><ins>b</ins>'`), as jsdiff's own tests do.
 */
import type { DiffPart } from './word-diff.js';

/** Which text to show: both versions merged, or one column of a side-by-side view. */
export type RenderMode = 'inline' | 'earlier' | 'later';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Render diff parts as escaped HTML. `inline` shows the later wording for shared
 * words, removed words in `<del>` and added words in `<ins>` (a substitution reads
 * `<del>old</del><ins>new</ins>`); `earlier` is the earlier version's column with
 * its removed words in `<del>`; `later` the later version's with its added words
 * in `<ins>`. Whitespace between words is kept (outside the tags); leading
 * whitespace is not. Markdown reports pass their own `escape` for the words.
 */
export function renderDiff(parts: DiffPart[], mode: RenderMode, escape: (text: string) => string = escapeHtml): string {
  if (mode !== 'inline' && mode !== 'earlier' && mode !== 'later')
    throw new RangeError(`diff: unknown render mode ${JSON.stringify(mode)}`);
  let html = '';
  let previous: DiffPart['op'] | null = null;
  for (const part of parts) {
    let text: string | undefined;
    let space = '';
    let tag: 'del' | 'ins' | null = null;
    if (part.op === 'equal') {
      if (mode === 'earlier') {
        text = part.a;
        space = part.spaceA ?? '';
      } else {
        text = part.b;
        // after a change at the start of one side, the other side holds the gap
        space = mode === 'inline' && !part.spaceB ? (part.spaceA ?? '') : (part.spaceB ?? '');
      }
    } else if (part.op === 'delete' && mode !== 'later') {
      text = part.a;
      space = part.spaceA ?? '';
      tag = 'del';
    } else if (part.op === 'insert' && mode !== 'earlier') {
      text = part.b;
      // the new words of a substitution sit against the old ones: <del>x</del><ins>y</ins>
      space = previous === 'delete' ? '' : (part.spaceB ?? '');
      tag = 'ins';
    }
    if (text === undefined) continue;
    const body = escape(text);
    html += (html === '' ? '' : space) + (tag ? `<${tag}>${body}</${tag}>` : body);
    previous = part.op;
  }
  return html;
}

/** A version of a statement shown in its sentence(s): the context, and where the quote sits in it. */
export interface QuoteInContext {
  context: string;
  quoteStart: number;
  quoteEnd: number;
}

/**
 * Render a version of a statement in its context as escaped HTML: the words
 * around the quote as they are, the quote as its side's column of the diff
 * inside `<span class="quoted">`.
 */
export function renderQuoteInContext(version: QuoteInContext, parts: DiffPart[], side: 'earlier' | 'later'): string {
  const before = escapeHtml(version.context.slice(0, version.quoteStart));
  const after = escapeHtml(version.context.slice(version.quoteEnd));
  return `${before}<span class="quoted">${renderDiff(parts, side)}</span>${after}`;
}
