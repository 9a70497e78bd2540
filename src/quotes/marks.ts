/**
 * quotes/marks: find spans of text between quotation marks, in one linear
 * pass with a small stack. Paragraph (line) breaks close every open quotation:
 * news style opens each paragraph of a long quotation anew and closes only the
 * last one, and a missing closing mark must not swallow the rest of the text.
 */

/** A span between quotation marks (top level only; nested marks stay inside). */
export interface MarkedSpan {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark, or null when the paragraph ended first */
  close: number | null;
  /** content span, without the marks */
  start: number;
  end: number;
  /** the opening mark character */
  mark: string;
  /** offsets of the paragraph (line) holding the span */
  paragraphStart: number;
  paragraphEnd: number;
}

interface Open {
  mark: string;
  at: number;
  closers: string;
}

const maxDepth = 4;

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

/**
 * Scan a text for quotation marks: “…”, "…", «…», „…“, ‘…’ (also nested
 * inside double quotes), ‹…›. Apostrophes (Iraq’s, don’t) are not marks.
 * Returns top-level spans in text order; an unclosed span ends at its
 * paragraph end (trailing spaces trimmed).
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let stack: Open[] = [];
  let paragraphStart = 0;

  const emit = (o: Open, close: number | null, end: number, paragraphEnd: number): void => {
    let e = end;
    if (close === null) while (e > o.at + 1 && isSpace(text[e - 1])) e -= 1;
    if (e <= o.at + 1) return;
    spans.push({ open: o.at, close, start: o.at + 1, end: e, mark: o.mark, paragraphStart, paragraphEnd });
  };
  let firstOfParagraph = 0;
  const closeParagraph = (at: number): void => {
    if (stack.length > 0) emit(stack[0], null, at, at);
    stack = [];
    for (let k = firstOfParagraph; k < spans.length; k += 1) spans[k].paragraphEnd = at;
    firstOfParagraph = spans.length;
  };
  /** Close the innermost open quote that accepts ch; true when one did. */
  const tryClose = (ch: string, at: number): boolean => {
    for (let d = stack.length - 1; d >= 0; d -= 1) {
      if (stack[d].closers.includes(ch)) {
        if (d === 0) emit(stack[0], at, at, -1);
        stack = stack.slice(0, d);
        return true;
      }
    }
    return false;
  };
  const push = (o: Open): void => {
    if (stack.length < maxDepth) stack.push(o);
  };

  // only line breaks and mark characters matter: jump from one to the next
  const interesting = /[\n“”„«»‹›"‘’']/g;
  for (let found = interesting.exec(text); found !== null; found = interesting.exec(text)) {
    const i = found.index;
    const ch = found[0];
    if (ch === '\n') {
      closeParagraph(i);
      paragraphStart = i + 1;
      continue;
    }
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    switch (ch) {
      case '“':
        if (tryClose(ch, i)) break;
        // `“…,“ said X`: a mistyped closing mark, glued to the words before it and followed by a space
        if (stack.length > 0 && stack[stack.length - 1].mark === '“' && !isSpace(prev) && isSpace(next)) {
          tryClose('”', i);
          break;
        }
        // “ inside an open “ means the earlier one was never closed
        if (stack.length > 0 && stack[stack.length - 1].mark === '“') {
          emit(stack[0], null, i, -1);
          stack = [];
        }
        push({ mark: ch, at: i, closers: '”' });
        break;
      case '”':
        // also closes a straight opening mark (`"…,” she said`)
        tryClose(ch, i);
        break;
      case '„':
        push({ mark: ch, at: i, closers: '“”' });
        break;
      case '«':
        push({ mark: ch, at: i, closers: '»' });
        break;
      case '»':
        tryClose(ch, i);
        break;
      case '‹':
        push({ mark: ch, at: i, closers: '›' });
        break;
      case '›':
        tryClose(ch, i);
        break;
      case '"': {
        const inside = stack.some((o) => o.mark === '"');
        if (inside) tryClose(ch, i);
        // texts that mix straight and curly marks: `“…," he said` closes the curly quotation
        else if (stack.length > 0 && stack[stack.length - 1].mark === '“' && !isSpace(prev) && !isLetterOrDigit(next))
          tryClose('”', i);
        else if (!isSpace(next)) push({ mark: ch, at: i, closers: '"”' });
        break;
      }
      case '‘':
        if (!isLetterOrDigit(prev)) push({ mark: ch, at: i, closers: '’' });
        break;
      case '’':
        // a closing single mark is never followed by a letter (that is an apostrophe)
        if (!isLetterOrDigit(next) && stack.some((o) => o.mark === '‘')) tryClose(ch, i);
        break;
      case "'": {
        const insideSingle = stack.some((o) => o.mark === "'");
        if (insideSingle && !isLetterOrDigit(next)) tryClose(ch, i);
        else if (!insideSingle && stack.length > 0 && !isLetterOrDigit(prev) && isLetterOrDigit(next))
          push({ mark: ch, at: i, closers: "'" });
        break;
      }
      default:
        break;
    }
  }
  closeParagraph(text.length);
  return spans;
}
