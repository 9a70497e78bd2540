/**
 * Rendering a reviewer's note: plain text with light formatting. Everything is
 * escaped first; only a few marks become HTML — paragraphs (blank lines),
 * line breaks, **bold**, *italic*, and http(s) links (bare or as
 * [text](url)) with rel="nofollow noopener". Any other scheme stays text.
 */
import { escapeHtml } from './render-text.js';

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

/** One line of a note as HTML. */
function renderLine(line: string): string {
  let html = '';
  let last = 0;
  for (const m of line.matchAll(marks)) {
    html += escapeHtml(line.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const url = safeUrl(m[2]);
      html += url ? renderLink(m[1], url) : escapeHtml(m[0]);
    } else if (m[3] !== undefined) {
      // a sentence's closing punctuation is not part of the address
      const bare = m[3].replace(/[.,;:!?)\]]+$/, '');
      const url = safeUrl(bare);
      html += url ? renderLink(bare, url) : escapeHtml(bare);
      last -= m[3].length - bare.length;
    } else if (m[4] !== undefined) html += `<strong>${escapeHtml(m[4])}</strong>`;
    else html += `<em>${escapeHtml(m[5])}</em>`;
  }
  return html + escapeHtml(line.slice(last));
}

/** A note as safe HTML paragraphs. */
export function renderNote(note: string | null | undefined): string {
  if (!note) return '';
  return note
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(renderLine).join('<br>')}</p>`)
    .join('');
}
