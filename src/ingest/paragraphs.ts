/** Paragraphs of a normalized article text (blank-line separated), with their offsets. */

/** A paragraph of the text with its offsets. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** Split normalized text into paragraphs (blank-line separated), keeping offsets. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}
