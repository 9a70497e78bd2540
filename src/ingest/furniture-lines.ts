/** ingest: the lines of a page as furniture detection sees them, each remembering its paragraph and why it was removed. */

export interface Line {
  text: string;
  para: number;
  removed: string | null;
  /** set when only a leading part of the line is furniture */
  prefix?: string;
}

// localeCompare with options builds a collator on every call; it is defined as comparing with
// `new Intl.Collator(locales, options)`, so one collator made once compares the same.
const ACCENT_COLLATOR = new Intl.Collator(undefined, { sensitivity: 'accent' });

/** The same text but for case (accents count), as the reader's locale compares. */
export function sameText(a: string, b: string): boolean {
  return ACCENT_COLLATOR.compare(a, b) === 0;
}

/** Split normalized text into lines that remember their paragraph. */
export function toLines(text: string): Line[] {
  return text.split('\n\n').flatMap((p, para) => p.split('\n').map((t) => ({ text: t, para, removed: null })));
}

export function fromLines(lines: Line[]): string {
  const paras = new Map<number, string[]>();
  for (const l of lines) {
    if (l.removed && !l.prefix) continue;
    const t = l.prefix ? l.text.slice(l.prefix.length).trim() : l.text;
    if (!t) continue;
    if (!paras.has(l.para)) paras.set(l.para, []);
    paras.get(l.para)!.push(t);
  }
  return [...paras.values()].map((p) => p.join('\n')).join('\n\n');
}

export function remove(line: Line, reason: string): void {
  if (!line.removed) line.removed = reason;
}

export function nextKept(lines: Line[], i: number, step: 1 | -1): Line | null {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (!lines[j].removed || lines[j].removed === 'photo credit') return lines[j];
  }
  return null;
}
