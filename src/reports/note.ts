/**
 * reports: a reviewer's note (an annotation's note, a verdict's rationale, a
 * report's summary) is plain text with light formatting — paragraphs (blank
 * lines), line breaks, **bold**, *italic*, and http(s) links (bare or as
 * [text](url)). The pages and the HTML report render it with renderNote,
 * where everything is escaped first and only those marks become HTML (links
 * with rel="nofollow noopener"; any other scheme stays text). The Markdown
 * report reads the same marks with readNoteLine.
 */
import { escapeHtml } from '../diff/index.js';

/** The address as a safe http(s) URL, or undefined. */
function safeUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function renderLink(label: string, url: string): string {
  return `<a href="${escapeHtml(url)}" rel="nofollow noopener">${escapeHtml(label)}</a>`;
}

// [label](url) | bare url | **bold** | *italic*
const marks =
  /\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})\)|(https?:\/\/[^\s<>"']{1,2000})|\*\*([^*\n]{1,2000})\*\*|\*([^*\n]{1,2000})\*/g;

/** A piece of one line of a note: text, or one of the marks. */
export type NoteSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'bold' | 'italic'; text: string };

/** Read one line of a note into text and marks; a link that is not http(s) stays text. */
export function readNoteLine(line: string): NoteSegment[] {
  const out: NoteSegment[] = [];
  const text = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  let last = 0;
  for (const m of line.matchAll(marks)) {
    text(line.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const url = safeUrl(m[2]);
      if (url) out.push({ kind: 'link', text: m[1], url });
      else text(m[0]);
    } else if (m[3] !== undefined) {
      // a sentence's closing punctuation is not part of the address
      const bare = m[3].replace(/[.,;:!?)\]]+$/, '');
      const url = safeUrl(bare);
      if (url) out.push({ kind: 'link', text: bare, url });
      else text(bare);
      last -= m[3].length - bare.length;
    } else if (m[4] !== undefined) out.push({ kind: 'bold', text: m[4] });
    else out.push({ kind: 'italic', text: m[5] });
  }
  text(line.slice(last));
  return out;
}

/** A note's paragraphs (split at blank lines), each a list of its lines. */
export function noteParagraphs(note: string | null | undefined): string[][] {
  if (!note) return [];
  return note
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('\n'));
}

/** One line of a note as HTML. */
function renderLine(line: string): string {
  return readNoteLine(line)
    .map((seg) =>
      seg.kind === 'link'
        ? renderLink(seg.text, seg.url)
        : seg.kind === 'bold'
          ? `<strong>${escapeHtml(seg.text)}</strong>`
          : seg.kind === 'italic'
            ? `<em>${escapeHtml(seg.text)}</em>`
            : escapeHtml(seg.text),
    )
    .join('');
}

/** A note as safe HTML paragraphs. */
export function renderNote(note: string | null | undefined): string {
  return noteParagraphs(note)
    .map((lines) => `<p>${lines.map(renderLine).join('<br>')}</p>`)
    .join('');
}
