/** ingest: Markdown to plain article text (paragraphs kept, markup stripped). */

/** Plain text of a Markdown document, and its title when it opens with a heading. */
export interface MarkdownText {
  title: string | null;
  text: string;
  /** metadata from a YAML front-matter block, when there is one */
  meta: Record<string, string>;
}

/** Strip inline Markdown: images, links, emphasis, code, escapes, inline HTML. */
function stripInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*])/gu, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}

function readFrontMatter(src: string): { meta: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(src);
  if (!m) return { meta: {}, body: src };
  const meta: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) meta[kv[1].toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2').trim();
  }
  return { meta, body: src.slice(m[0].length) };
}

/**
 * Convert Markdown to article text: headings, list items, block quotes and
 * table rows become their own lines, soft-wrapped paragraph lines are joined,
 * code fences keep their lines, horizontal rules end a paragraph. A first
 * `# Heading` (or a setext `Heading\n===`) is the title; it stays in the text
 * as its first line, as a headline does on a page.
 */
export function convertMarkdown(source: string): MarkdownText {
  const { meta, body } = readFrontMatter(source.replace(/\r\n?/g, '\n'));
  const out: string[][] = [[]];
  let title: string | null = null;
  let fence: string | null = null;
  const paragraph = (): string[] => out[out.length - 1];
  const breakParagraph = (): void => {
    if (paragraph().length) out.push([]);
  };
  const lines = body.split('\n');
  // Definitions of reference links are not text.
  const isDefinition = (l: string): boolean => /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(l);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      if (line.trim().startsWith(fence)) {
        fence = null;
        breakParagraph();
      } else paragraph().push(line);
      continue;
    }
    const open = /^\s{0,3}(```+|~~~+)/.exec(line);
    if (open) {
      breakParagraph();
      fence = open[1];
      continue;
    }
    if (
      !line.trim() ||
      isDefinition(line) ||
      /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) ||
      /^\s*\|?\s*:?-{3,}/.test(line)
    ) {
      breakParagraph();
      continue;
    }
    const setext =
      i + 1 < lines.length &&
      /^\s{0,3}(=+|-+)\s*$/.test(lines[i + 1]) &&
      !/^\s*[-*+>#]/.test(line) &&
      paragraph().length === 0;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx || setext) {
      const heading = stripInline(atx ? atx[2] : line.trim());
      const level = atx ? atx[1].length : lines[i + 1].trim().startsWith('=') ? 1 : 2;
      if (setext) i++;
      if (title === null && level === 1 && out.flat().length === 0) title = heading;
      breakParagraph();
      if (heading) paragraph().push(heading);
      breakParagraph();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    const row = /^\s*\|(.*)\|\s*$/.exec(line);
    let text = item
      ? item[1]
      : quote
        ? quote[1].replace(/^(?:>\s?)+/, '')
        : row
          ? row[1]
              .split('|')
              .map((c) => c.trim())
              .join(' ')
          : line.trim();
    text = stripInline(text.replace(/\\$/, '')).trim();
    if (!text) {
      breakParagraph();
      continue;
    }
    const p = paragraph();
    if (item || row || p.length === 0 || /(?: {2,}|\\)$/.test(lines[i - 1] ?? '')) p.push(text);
    else p[p.length - 1] += ' ' + text;
  }
  const text = out
    .map((p) => p.filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
  return { title: title ?? (meta.title || null), text, meta };
}
