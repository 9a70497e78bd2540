/**
 * ingest: Markdown to plain article text (paragraphs kept, markup stripped).
 * The document is read by markdown-it (CommonMark, with GitHub's tables and
 * strikethrough); this module only decides which of its blocks become lines
 * and paragraphs of the article.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** Plain text of a Markdown document, and its title when it opens with a heading. */
export interface MarkdownText {
  title: string | null;
  text: string;
  /** metadata from a YAML front-matter block, when there is one */
  meta: Record<string, string>;
}

// inline HTML is read (so it can be dropped), never rendered
const parser = new MarkdownIt('default', { html: true, linkify: false });

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

/** The words of an inline run: link texts and code kept; images, inline HTML and marks dropped. */
function inlineText(children: Token[] | null): string {
  let out = '';
  // an image's alt text is in its own children, so skipping the token drops it
  for (const c of children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak') out += ' ';
    else if (c.type === 'hardbreak') out += '\n';
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

/**
 * Convert Markdown to article text: headings, list items, block quotes' lines
 * and table rows become their own lines, soft-wrapped paragraph lines are
 * joined, code blocks keep their lines, rules end a paragraph. A first
 * level-one heading (`# Heading` or `Heading\n===`) is the title; it stays in
 * the text as its first line, as a headline does on a page.
 */
export function convertMarkdown(source: string): MarkdownText {
  const { meta, body } = readFrontMatter(source.replace(/\r\n?/g, '\n'));
  const tokens = parser.parse(body, {});
  const paragraphs: string[][] = [];
  let title: string | null = null;
  // inside a list or a table, each item or row is a line of one paragraph
  let grouped = 0;
  let group: string[] | null = null;
  let row: string[] | null = null;
  const add = (line: string): void => {
    if (!line) return;
    if (grouped > 0) {
      if (!group) paragraphs.push((group = []));
      group.push(line);
    } else paragraphs.push([line]);
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]?.children ?? null);
        if (title === null && t.tag === 'h1' && paragraphs.length === 0 && text) title = text;
        add(text);
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
      case 'table_open':
        if (grouped === 0) group = null;
        grouped += 1;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'table_close':
        grouped -= 1;
        if (grouped === 0) group = null;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row) add(row.filter(Boolean).join(' '));
        row = null;
        break;
      case 'inline': {
        const text = inlineText(t.children);
        if (row) row.push(text);
        else for (const line of text.split('\n')) add(line.trim());
        break;
      }
      case 'fence':
      case 'code_block': {
        const lines = t.content.replace(/\n$/, '').split('\n');
        if (lines.some((l) => l.trim())) paragraphs.push(lines);
        break;
      }
      default:
        break; // rules, HTML blocks, reference definitions: no text
    }
  }
  const text = paragraphs
    .map((p) => p.join('\n'))
    .filter((p) => p.trim())
    .join('\n\n');
  return { title: title ?? (meta.title || null), text, meta };
}
