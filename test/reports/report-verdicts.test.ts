/** HTML and Markdown reports put each pair's verdict with the pair. */
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../src/corpus/reports.js';
import { giveVerdict } from '../../src/corpus/verdicts.js';
import { buildMissionExample } from '../helpers/report-fixture.js';

describe('reports with a verdict', () => {
  it('show the verdict, escaped, under its pair in HTML and Markdown', () => {
    const m = buildMissionExample();
    const id = (
      m.db
        .prepare(
          "SELECT p.id FROM pairs p JOIN quotes qb ON qb.id = p.quote_b WHERE qb.text LIKE 'We know that the occupiers%'",
        )
        .get() as { id: number }
    ).id;
    const scope = { kind: 'compare' as const, articleIds: m.articles };
    const before = exportReport(m.db, 'html', scope, {}, { generatedAt: '2025-05-01T12:00:00.000Z' })!.body;
    expect(before).not.toContain('Verdict:');
    expect(
      giveVerdict(
        m.db,
        id,
        { id: m.users.ana },
        {
          rating: 'distorted',
          rationale:
            '<b>Loaded</b> word put *inside* the quote\nby the later outlet.\n\nSee [the interview](https://example.org/i?a=1&b=2) and [this](javascript:alert(1)) ![x](http://e.org/x.png)\n# not a heading\n- not a list',
        },
      ).status,
    ).toBe('ok');
    const html = exportReport(m.db, 'html', scope, {}, { generatedAt: '2025-05-01T12:00:00.000Z' })!.body;
    expect(html).toContain('<strong>Verdict: Distorted</strong> (3 on the scale) · ana');
    // the rationale in paragraphs and lines, its marks rendered, everything else escaped
    expect(html).toContain(
      '<div class="rationale"><p>&lt;b&gt;Loaded&lt;/b&gt; word put <em>inside</em> the quote<br>by the later outlet.</p><p>See <a href="https://example.org/i?a=1&amp;b=2" rel="nofollow noopener">the interview</a> and [this](javascript:alert(1)) !<a href="http://e.org/x.png" rel="nofollow noopener">x</a><br># not a heading<br>- not a list</p></div>',
    );
    expect(html).not.toContain('<b>');
    expect(html.match(/Verdict: /g)).toHaveLength(1);
    const md = exportReport(m.db, 'md', scope, {}, { generatedAt: '2025-05-01T12:00:00.000Z' })!.body;
    expect(md).toContain('**Verdict:** Distorted (3 on the scale) · ana');
    expect(md).toContain(
      [
        '> \\<b\\>Loaded\\</b\\> word put *inside* the quote\\',
        '> by the later outlet.',
        '>',
        '> See [the interview](<https://example.org/i?a=1&b=2>) and \\[this\\]\\(javascript:alert\\(1\\)\\) \\![x](<http://e.org/x.png>)\\',
        '> \\# not a heading\\',
        '> \\- not a list',
      ].join('\n'),
    );
  });
});
