/**
 * reports: a report as Markdown (CommonMark with GitHub tables) for a
 * newsroom wiki or a pull request. Article text is escaped so that no word
 * of an article turns into markup: every ASCII punctuation character that
 * Markdown gives a meaning is backslash-escaped, and line breaks inside a
 * value become <br>. Deleted and inserted words keep the <del>/<ins> tags
 * of the HTML diff, which GitHub and most wikis render.
 */
import { renderDiff } from '../diff/index.js';
import { describeFilters, describeScope, formatOne, formatShare, nameArticle } from './describe.js';
import { noteParagraphs, readNoteLine, type NoteSegment } from './note.js';
import type {
  OutletProfile,
  Report,
  ReportAnnotation,
  ReportComparison,
  ReportPair,
  ReportSpan,
  ReportVerdict,
} from './model.js';

/**
 * Escape text for Markdown: backslash before the characters that start
 * emphasis, links, code, HTML, tables, headings and lists, and before
 * entity ampersands; line breaks become <br> so a value stays on its line.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]()<>#!|~&]/g, (c) => `\\${c}`)
      // list markers, setext underlines and numbered items only count at the start of a line
      .replace(
        /(^|\n)([ \t]*)([-+=]|\d+[.)])/g,
        (_m, start: string, space: string, mark: string) => `${start}${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
      )
      .replace(/\r\n?|\n/g, '<br>')
  );
}

function noteSegment(seg: NoteSegment): string {
  if (seg.kind === 'bold') return `**${escapeMarkdown(seg.text)}**`;
  if (seg.kind === 'italic') return `*${escapeMarkdown(seg.text)}*`;
  // readNoteLine passes only http(s) addresses, whose parsed form has no space, < or >
  if (seg.kind === 'link') return seg.text === seg.url ? `<${seg.url}>` : `[${escapeMarkdown(seg.text)}](<${seg.url}>)`;
  return escapeMarkdown(seg.text);
}

/**
 * A note (rationale, summary, annotation note) in Markdown: its own marks —
 * bold, italic, http(s) links — kept, every other character escaped so no
 * markup of the writer's gets through; paragraphs stay apart and line breaks
 * are hard breaks. Each line starts with `prefix` (`> ` inside a quote).
 */
export function renderNoteMarkdown(note: string | null | undefined, prefix = ''): string {
  return noteParagraphs(note)
    .map((lines) => lines.map((line) => prefix + readNoteLine(line).map(noteSegment).join('')).join('\\\n'))
    .join(`\n${prefix.trimEnd()}\n`);
}

/** Only web addresses become links (an autolink); anything else is escaped text. */
function linkOf(url: string | null): string {
  if (!url) return '–';
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : escapeMarkdown(url);
}

function cell(text: string): string {
  return escapeMarkdown(text);
}

function spanLine(s: ReportSpan): string {
  return `> …${escapeMarkdown(s.prefix)}**${escapeMarkdown(s.exact)}**${escapeMarkdown(s.suffix)}…\n\n_${escapeMarkdown(s.articleTitle)}, characters ${s.start}–${s.end}_`;
}

function renderAnnotation(a: ReportAnnotation, i: number): string {
  const head = [`### ${i + 1}. ${a.tagId ? escapeMarkdown(a.tagLabel ?? a.tagId) : 'Note'}`];
  const meta = `- reviewer: ${escapeMarkdown(a.creatorName)}\n- created: ${a.createdAt}${a.modifiedAt !== a.createdAt ? `\n- changed: ${a.modifiedAt}` : ''}\n- status: ${a.status}\n- id: urn:uuid:${a.uuid}`;
  const other = a.other ? `\nPair note; the other version:\n\n${spanLine(a.other)}\n` : '';
  const note = a.note ? `\n**Note:**\n\n${renderNoteMarkdown(a.note)}\n` : '';
  return `${head.join('')}\n\n${spanLine(a)}\n${other}${note}\n${meta}\n`;
}

/** A version as its side of the diff, inside its sentence when it is not a full quote. */
function versionLine(p: ReportPair, side: 'earlier' | 'later'): string {
  const v = p[side];
  const label = side === 'earlier' ? 'Earlier' : 'Later';
  const diff = renderDiff(p.parts, side, escapeMarkdown);
  if (!v.context) return `- ${label} (${v.kind}): ${diff}`;
  return `- ${label} (${v.kind}, in its sentence): ${escapeMarkdown(v.context.before)}**${diff}**${escapeMarkdown(v.context.after)}`;
}

function verdictLines(v: ReportVerdict): string {
  return `**Verdict:** ${escapeMarkdown(v.label)} (${v.value} on the scale) · ${escapeMarkdown(v.reviewer ?? 'unknown reviewer')}${v.givenAt ? ` · ${v.givenAt.slice(0, 10)}` : ''}${v.secondReviewer ? ` · second review by ${escapeMarkdown(v.secondReviewer)}` : ''}\n\n${renderNoteMarkdown(v.rationale, '> ')}`;
}

/** An annotation shown under its pair: tag, the words, the note, who and when. */
function pairAnnotation(a: ReportAnnotation): string {
  const tag = a.tagId ? `**${escapeMarkdown(a.tagLabel ?? a.tagId)}**: ` : '';
  const other = a.other ? ` / “${escapeMarkdown(a.other.exact)}”` : '';
  const note = a.note ? `\n\n${renderNoteMarkdown(a.note, '  ')}` : '';
  return `- ${tag}“${escapeMarkdown(a.exact)}”${other} (${escapeMarkdown(a.articleTitle)}) — ${escapeMarkdown(a.creatorName)}, ${a.createdAt}${note}`;
}

function renderComparison(c: ReportComparison, report: Report): string {
  const name = (id: number) => {
    const a = report.articles.find((x) => x.id === id);
    return a ? nameArticle(a) : `article ${id}`;
  };
  const byUuid = new Map(report.annotations.map((a) => [a.uuid, a]));
  const pairs = c.pairs.length
    ? c.pairs
        .map((p, i) => {
          const alterations = p.alterations ?? [];
          const changes =
            p.changes.length || alterations.length
              ? [
                  ...alterations.map((a) => `- **${escapeMarkdown(a)}**`),
                  ...p.changes.map((ch) => `- ${escapeMarkdown(ch.message)}`),
                ].join('\n')
              : '- No change beyond the words marked.';
          const misquote = alterations.length
            ? `**Possible misquote** — ${escapeMarkdown(alterations.join('; '))}\n\n`
            : '';
          const notes = (p.annotations ?? []).map((u) => byUuid.get(u)).filter((a) => a !== undefined);
          return `### Statement ${i + 1}: ${p.relation}\n\n${misquote}score ${p.score.toFixed(2)} · fidelity ${formatShare(p.fidelity)} · ${p.status}${p.earlier.speaker ? ` · speaker ${escapeMarkdown(p.earlier.speaker)}` : ''}\n\n${versionLine(p, 'earlier')}\n${versionLine(p, 'later')}\n\n**Changes:** ${renderDiff(p.parts, 'inline', escapeMarkdown)}\n\n${changes}\n${p.verdict ? `\n${verdictLines(p.verdict)}\n` : ''}${notes.length ? `\n**Annotations on this pair:**\n\n${notes.map(pairAnnotation).join('\n')}\n` : ''}`;
        })
        .join('\n')
    : c.omitted
      ? 'No pair of these two articles is in this report.\n'
      : 'The two articles share no paired statement.\n';
  const omitted = c.omitted
    ? `\n_${c.omitted} other pair${c.omitted === 1 ? '' : 's'} of these articles ${c.omitted === 1 ? 'is' : 'are'} not in this report (not reviewed, or not chosen)._\n`
    : '';
  return `## Comparison: ${escapeMarkdown(name(c.earlierId))} → ${escapeMarkdown(name(c.laterId))}\n\n${pairs}${omitted}`;
}

/** The outlet-profile section in Markdown. */
export function renderOutletProfileMarkdown(p: OutletProfile): string {
  const used = Object.entries(p.density.byCategory).filter(([, v]) => v.writer > 0 || v.quoted > 0);
  const density = used.length
    ? `| Category | Writer per 1,000 words | Quoted per 1,000 words |\n|---|---:|---:|\n${used.map(([id, v]) => `| ${cell(id)} | ${formatOne(v.writer)} | ${formatOne(v.quoted)} |`).join('\n')}`
    : 'No editorial language found.';
  const tags = p.topTags.length
    ? p.topTags.map((t) => `- ${escapeMarkdown(t.label)}: ${t.count}`).join('\n')
    : '- No reviewer tag.';
  return `## Outlet profile: ${escapeMarkdown(p.outlet)}

| | |
|---|---:|
| Articles | ${p.articles} |
| Words | ${p.words} |
| Statements first reported elsewhere, retold here | ${p.retold} |
| Mean fidelity of those retellings | ${formatShare(p.meanFidelity)} |
| Paraphrase or gist versions | ${p.looseVersions} |
| … of which printed inside quote marks | ${p.looseInQuoteMarks} (${formatShare(p.looseQuotedShare)}) |
| Editorial language in the writer's words, per 1,000 words | ${formatOne(p.density.writer)} |

### Editorial density by category

${density}

### Most frequent reviewer tags

${tags}
`;
}

/** Render a report as Markdown. */
export function renderReportMarkdown(report: Report): string {
  const filters = describeFilters(report.filters);
  const articles = `| # | Title | Outlet | Author | Published | Words | Address |\n|---:|---|---|---|---|---:|---|\n${report.articles
    .map(
      (a) =>
        `| ${a.id} | ${cell(a.title)} | ${cell(a.outlet ?? '–')} | ${cell(a.author ?? '–')} | ${a.published ?? '–'} | ${a.wordCount} | ${linkOf(a.url)} |`,
    )
    .join('\n')}`;
  const tags = report.tagTallies.length
    ? `| Tag | Family | Annotations |\n|---|---|---:|\n${report.tagTallies.map((t) => `| ${cell(t.label)} | ${cell(t.family ?? '–')} | ${t.count} |`).join('\n')}`
    : 'No tagged annotation.';
  const usedCats = report.categoryTallies.filter((c) => c.writer + c.quoted > 0);
  const cats = usedCats.length
    ? `| Editorial category | Writer's words | Quoted |\n|---|---:|---:|\n${usedCats.map((c) => `| ${cell(c.name)} | ${c.writer} | ${c.quoted} |`).join('\n')}`
    : 'No editorial language found.';
  const density = report.articles
    .map(
      (a) =>
        `- ${escapeMarkdown(nameArticle(a))}: ${formatOne(a.density.total)} in all, ${formatOne(a.density.writer)} in the writer's words, ${formatOne(a.density.quoted)} quoted`,
    )
    .join('\n');
  // annotations shown with their pair are not listed again
  const withPairs = new Set(report.comparisons.flatMap((c) => c.pairs.flatMap((p) => p.annotations ?? [])));
  const others = report.annotations.filter((a) => !withPairs.has(a.uuid));
  const omitted = report.omittedPairs
    ? ` · ${report.omittedPairs} pair${report.omittedPairs === 1 ? '' : 's'} not in the report (not reviewed, or not chosen)`
    : '';
  const parts = [
    `# ${escapeMarkdown(report.title)}`,
    `${escapeMarkdown(describeScope(report))} · ${report.annotations.length} annotation${report.annotations.length === 1 ? '' : 's'}${filters.length ? ` · filtered by ${escapeMarkdown(filters.join(', '))}` : ''} · made ${report.generatedAt}${omitted}`,
    ...(report.summary ? [`## Summary\n\n${renderNoteMarkdown(report.summary)}`] : []),
    `## Articles\n\n${articles}`,
    ...(report.profile ? [renderOutletProfileMarkdown(report.profile).trimEnd()] : []),
    ...report.comparisons.map((c) => renderComparison(c, report).trimEnd()),
    ...(report.conclusion ? [`## Conclusion\n\n${renderNoteMarkdown(report.conclusion)}`] : []),
    `## ${withPairs.size ? 'Other annotations' : 'Annotations'}\n\n${others.length ? others.map(renderAnnotation).join('\n').trimEnd() : withPairs.size ? 'Every annotation is shown with its pair.' : 'No annotation matches.'}`,
    `## Tallies\n\n### Annotations per tag\n\n${tags}\n\n### Editorial spans per category\n\n${cats}`,
    `## Editorial density (spans per 1,000 words)\n\n${density || 'No article.'}`,
  ];
  return `${parts.join('\n\n')}\n`;
}
