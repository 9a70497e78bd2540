/**
 * reports: a report as one self-contained HTML file. Inline CSS only: no
 * external stylesheet, font, image or script, so the file opens offline and
 * the browser's "print to PDF" gives a clean document (print CSS starts each
 * section on a new page and keeps an annotation or a statement on one page).
 * Every piece of text is escaped; diffs are rendered by renderDiff, which
 * escapes its words itself.
 */
import { escapeHtml, renderDiff } from '../diff/index.js';
import { densityScale, renderDensityChart } from './density-chart.js';
import { renderBarChart } from './charts.js';
import { describeFilters, describeScope, formatOne, formatShare, nameArticle } from './describe.js';
import { renderNote } from './note.js';
import type {
  OutletProfile,
  Report,
  ReportAnnotation,
  ReportArticle,
  ReportComparison,
  ReportPair,
  ReportSpan,
  ReportVerdict,
} from './model.js';

const css = `
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #555; font-size: .9rem; }
.quote { margin: .3rem 0; padding: .3rem .6rem; border-left: 3px solid #888; background: #f7f7f7; }
.context { color: #666; }
.note p, .rationale p { margin: .3rem 0; }
del { background: #fbd9d9; color: #7a0000; text-decoration: line-through; }
ins { background: #d7f3d7; color: #064d06; text-decoration: underline; }
.quoted { font-weight: normal; background: #fff3c4; }
.summary, .conclusion { border-left: 4px solid #555; padding: .1rem .9rem; }
.pair-annotations h4 { font-family: Helvetica, Arial, sans-serif; font-size: .95rem; margin: .6rem 0 .2rem; }
.annotation, .pair { border: 1px solid #ccc; border-radius: 4px; padding: .5rem .75rem; margin: .75rem 0; }
.tag { display: inline-block; border: 1px solid #777; border-radius: 3px; padding: 0 .35rem; font-family: Helvetica, Arial, sans-serif; font-size: .8rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  .annotation, .pair, table, svg { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

const e = escapeHtml;

function linkOf(url: string | null): string {
  if (!url) return '–';
  // only web addresses become links; anything else is shown as text
  return /^https?:\/\//i.test(url) ? `<a href="${e(url)}">${e(url)}</a>` : e(url);
}

function renderArticles(articles: readonly ReportArticle[]): string {
  const rows = articles
    .map(
      (a) =>
        `<tr><td>${a.id}</td><td>${e(a.title)}</td><td>${e(a.outlet ?? '–')}</td><td>${e(a.author ?? '–')}</td><td>${e(a.published ?? '–')}</td><td class="num">${a.wordCount}</td><td>${linkOf(a.url)}</td></tr>`,
    )
    .join('\n');
  return `<section id="articles"><h2>Articles</h2>
<table><thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Author</th><th>Published</th><th>Words</th><th>Address</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

/** A version's column: the quote as its side of the diff, inside its sentence when it is not a full quote. */
function renderVersion(p: ReportPair, side: 'earlier' | 'later'): string {
  const v = p[side];
  const label = side === 'earlier' ? 'Earlier' : 'Later';
  const diff = renderDiff(p.parts, side);
  if (!v.context) return `<p class="meta">${label} (${e(v.kind)})</p><p class="quote">${diff}</p>`;
  return `<p class="meta">${label} (${e(v.kind)}, in its sentence)</p><p class="quote"><span class="context">${e(v.context.before)}</span><strong class="quoted">${diff}</strong><span class="context">${e(v.context.after)}</span></p>`;
}

function renderVerdict(v: ReportVerdict): string {
  return `<div class="verdict"><p><strong>Verdict: ${e(v.label)}</strong> (${v.value} on the scale) · ${e(v.reviewer ?? 'unknown reviewer')}${v.givenAt ? ` · ${e(v.givenAt.slice(0, 10))}` : ''}${v.secondReviewer ? ` · second review by ${e(v.secondReviewer)}` : ''}</p><div class="rationale">${renderNote(v.rationale)}</div></div>`;
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
              ? `<ul>${[...alterations.map((a) => `<li><strong>${e(a)}</strong></li>`), ...p.changes.map((ch) => `<li>${e(ch.message)}</li>`)].join('')}</ul>`
              : '<p>No change beyond the words marked.</p>';
          const misquote = alterations.length
            ? `\n<p class="misquote"><strong>Possible misquote</strong> — ${e(alterations.join('; '))}</p>`
            : '';
          const notes = (p.annotations ?? []).map((u) => byUuid.get(u)).filter((a) => a !== undefined);
          return `<div class="pair"${p.id ? ` id="pair-${p.id}"` : ''}><h3>Statement ${i + 1}: ${e(p.relation)}</h3>${misquote}
<p class="meta">score ${p.score.toFixed(2)} · fidelity ${formatShare(p.fidelity)} · ${e(p.status)}${p.earlier.speaker ? ` · speaker ${e(p.earlier.speaker)}` : ''}</p>
<div class="columns"><div>${renderVersion(p, 'earlier')}</div><div>${renderVersion(p, 'later')}</div></div>
<p><strong>Changes:</strong> ${renderDiff(p.parts, 'inline')}</p>
${changes}${p.verdict ? `\n${renderVerdict(p.verdict)}` : ''}${notes.length ? `\n<div class="pair-annotations"><h4>Annotations on this pair</h4>\n${notes.map(renderAnnotation).join('\n')}</div>` : ''}</div>`;
        })
        .join('\n')
    : c.omitted
      ? '<p>No pair of these two articles is in this report.</p>'
      : '<p>The two articles share no paired statement.</p>';
  const omitted = c.omitted
    ? `\n<p class="meta">${c.omitted} other pair${c.omitted === 1 ? '' : 's'} of these articles ${c.omitted === 1 ? 'is' : 'are'} not in this report (not reviewed, or not chosen).</p>`
    : '';
  return `<section class="comparison"><h2>Comparison: ${e(name(c.earlierId))} → ${e(name(c.laterId))}</h2>
${pairs}${omitted}</section>`;
}

function renderSpan(s: ReportSpan): string {
  return `<p class="quote"><span class="context">…${e(s.prefix)}</span><strong>${e(s.exact)}</strong><span class="context">${e(s.suffix)}…</span></p>
<p class="meta">${e(s.articleTitle)}, characters ${s.start}–${s.end}</p>`;
}

function renderAnnotation(a: ReportAnnotation): string {
  const tag = a.tagId ? `<span class="tag">${e(a.tagLabel ?? a.tagId)}</span> ` : '';
  const other = a.other ? `<p class="meta">Pair note; the other version:</p>${renderSpan(a.other)}` : '';
  return `<div class="annotation" id="a-${e(a.uuid)}">
<p>${tag}<span class="meta">by ${e(a.creatorName)}, created ${e(a.createdAt)}${a.modifiedAt !== a.createdAt ? `, changed ${e(a.modifiedAt)}` : ''}${a.status !== 'active' ? ` · ${e(a.status)}` : ''}</span></p>
${renderSpan(a)}${other}
${a.note ? `<div class="note">${renderNote(a.note)}</div>` : ''}
</div>`;
}

function renderTallies(report: Report): string {
  const tags = report.tagTallies.length
    ? `<table><thead><tr><th>Tag</th><th>Family</th><th>Annotations</th></tr></thead><tbody>${report.tagTallies
        .map((t) => `<tr><td>${e(t.label)}</td><td>${e(t.family ?? '–')}</td><td class="num">${t.count}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No tagged annotation.</p>';
  const used = report.categoryTallies.filter((c) => c.writer + c.quoted > 0);
  const cats = used.length
    ? `<table><thead><tr><th>Editorial category</th><th>Writer's words</th><th>Quoted</th></tr></thead><tbody>${used
        .map((c) => `<tr><td>${e(c.name)}</td><td class="num">${c.writer}</td><td class="num">${c.quoted}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No editorial language found.</p>';
  return `<section id="tallies"><h2>Tallies</h2><h3>Annotations per tag</h3>${tags}<h3>Editorial spans per category</h3>${cats}</section>`;
}

function renderDensities(articles: readonly ReportArticle[]): string {
  // one scale for all, so the charts can be compared by bar length
  const max = densityScale(articles.map((a) => a.density));
  const charts = articles
    .map(
      (a) =>
        `<figure><figcaption>${e(nameArticle(a))}</figcaption>${renderDensityChart(a.density, { idPrefix: `density-${a.id}`, max, title: `Editorial language per 1,000 words: ${a.title}` })}</figure>`,
    )
    .join('\n');
  return `<section id="density"><h2>Editorial density</h2>${charts || '<p>No article.</p>'}</section>`;
}

/** The outlet-profile section (also used by the outlet page). */
export function renderOutletProfileHtml(p: OutletProfile): string {
  const tags = renderBarChart(
    p.topTags.map((t) => ({ label: t.label, value: t.count, text: String(t.count) })),
    { title: `Reviewer tags on ${p.outlet}`, idPrefix: 'profile-tags' },
  );
  return `<h2>Outlet profile: ${e(p.outlet)}</h2>
<table><tbody>
<tr><th>Articles</th><td class="num">${p.articles}</td></tr>
<tr><th>Words</th><td class="num">${p.words}</td></tr>
<tr><th>Statements first reported elsewhere, retold here</th><td class="num">${p.retold}</td></tr>
<tr><th>Mean fidelity of those retellings</th><td class="num">${formatShare(p.meanFidelity)}</td></tr>
<tr><th>Paraphrase or gist versions</th><td class="num">${p.looseVersions}</td></tr>
<tr><th>… of which printed inside quote marks</th><td class="num">${p.looseInQuoteMarks} (${formatShare(p.looseQuotedShare)})</td></tr>
<tr><th>Editorial language in the writer's words, per 1,000 words</th><td class="num">${formatOne(p.density.writer)}</td></tr>
</tbody></table>
<h3>Editorial density by category</h3>
${renderDensityChart(p.density, { idPrefix: 'profile-density', title: `Editorial language per 1,000 words: ${p.outlet}` })}
<h3>Most frequent reviewer tags</h3>
${tags}`;
}

/** Render a report as one self-contained, printable HTML document. */
export function renderReportHtml(report: Report): string {
  const filters = describeFilters(report.filters);
  // annotations shown with their pair are not listed again
  const withPairs = new Set(report.comparisons.flatMap((c) => c.pairs.flatMap((p) => p.annotations ?? [])));
  const others = report.annotations.filter((a) => !withPairs.has(a.uuid));
  const annotations = others.length
    ? others.map(renderAnnotation).join('\n')
    : withPairs.size
      ? '<p>Every annotation is shown with its pair.</p>'
      : '<p>No annotation matches.</p>';
  const omitted = report.omittedPairs
    ? ` · ${report.omittedPairs} pair${report.omittedPairs === 1 ? '' : 's'} not in the report (not reviewed, or not chosen)`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)}</title>
<style>${css}
</style>
</head>
<body>
<header>
<h1>${e(report.title)}</h1>
<p class="meta">${e(describeScope(report))} · ${report.annotations.length} annotation${report.annotations.length === 1 ? '' : 's'}${filters.length ? ` · filtered by ${e(filters.join(', '))}` : ''} · made ${e(report.generatedAt)}${omitted}</p>
</header>
${report.summary ? `<section id="summary" class="summary"><h2>Summary</h2>\n${renderNote(report.summary)}</section>\n` : ''}${renderArticles(report.articles)}
${report.profile ? `<section id="profile">${renderOutletProfileHtml(report.profile)}</section>` : ''}
${report.comparisons.map((c) => renderComparison(c, report)).join('\n')}
${report.conclusion ? `<section id="conclusion" class="conclusion"><h2>Conclusion</h2>\n${renderNote(report.conclusion)}</section>\n` : ''}<section id="annotations"><h2>${withPairs.size ? 'Other annotations' : 'Annotations'}</h2>
${annotations}
</section>
${renderTallies(report)}
${renderDensities(report.articles)}
</body>
</html>
`;
}
