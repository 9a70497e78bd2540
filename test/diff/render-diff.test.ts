import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffVersions, escapeHtml, renderDiff, renderQuoteInContext, type DiffPart } from '../../src/diff/index.js';

/** Undo the renderer's markup: drop the tags, unescape the entities. */
function stripMarkup(html: string): string {
  return html
    .replace(/<\/?(?:del|ins)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderDiff', () => {
  it.each([
    ['inline', 'He said &lt;<del>script&gt;alert(1)&lt;/script</del><ins>b&gt;&amp;&lt;/b</ins>&gt; today'],
    ['earlier', 'He said &lt;<del>script&gt;alert(1)&lt;/script</del>&gt; today'],
    ['later', 'He said &lt;<ins>b&gt;&amp;&lt;/b</ins>&gt; today'],
  ] as const)('escapes markup in article text in %s mode', (mode, expected) => {
    const parts = diffVersions('He said <script>alert(1)</script> today', 'He said <b>&</b> today');
    expect(renderDiff(parts, mode)).toBe(expected);
  });

  it('escapes quotes so the output is safe inside attributes too', () => {
    expect(renderDiff(diffVersions('"a" & \'b\'', '"a" & \'b\''), 'inline')).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });

  it.each([
    ['equal only', [{ op: 'equal', a: 'x', b: 'X', spaceA: '', spaceB: '' }], 'X', 'x', 'X'],
    [
      'delete then insert',
      [
        { op: 'equal', a: 'we', b: 'we', spaceA: '', spaceB: '' },
        { op: 'delete', a: 'stay', spaceA: ' ' },
        { op: 'insert', b: 'go', spaceB: ' ' },
        { op: 'equal', a: 'now', b: 'now', spaceA: ' ', spaceB: ' ' },
      ],
      'we <del>stay</del><ins>go</ins> now',
      'we <del>stay</del> now',
      'we <ins>go</ins> now',
    ],
    [
      'insert at the start',
      [
        { op: 'insert', b: 'Today', spaceB: '' },
        { op: 'equal', a: 'we', b: 'we', spaceA: '', spaceB: ' ' },
      ],
      '<ins>Today</ins> we',
      'we',
      '<ins>Today</ins> we',
    ],
  ] as [string, DiffPart[], string, string, string][])(
    'renders %s in all three modes',
    (_name, parts, inlineHtml, earlierHtml, laterHtml) => {
      expect(renderDiff(parts, 'inline')).toBe(inlineHtml);
      expect(renderDiff(parts, 'earlier')).toBe(earlierHtml);
      expect(renderDiff(parts, 'later')).toBe(laterHtml);
    },
  );

  it('rejects an unknown mode with a message naming the module', () => {
    expect(() => renderDiff([], 'side' as 'earlier')).toThrow(/^diff:/);
  });

  it('gives back each version exactly, markup aside, in its own column', () => {
    const word = fc.constantFrom(
      'we',
      'They',
      'troops',
      'Iraq',
      'must',
      'leave',
      'not',
      '2,500',
      '$35,000,000',
      '<b>',
      'a&b',
      '“',
      '”',
      '«',
      '»',
      '"',
      '—',
      '-',
      ',',
      '.',
      "won't",
      'cannot',
    );
    const space = fc.constantFrom(' ', '  ', '\n', ' \n\n');
    const text = fc.array(fc.tuple(word, space), { maxLength: 12 }).map((xs) =>
      xs
        .map(([w, s]) => w + s)
        .join('')
        .trim(),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffVersions(a, b);
        expect(stripMarkup(renderDiff(parts, 'earlier'))).toBe(a);
        expect(stripMarkup(renderDiff(parts, 'later'))).toBe(b);
      }),
      { numRuns: 150 },
    );
  });
});

describe('escapeHtml', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['"quoted"', '&quot;quoted&quot;'],
    ["it's", 'it&#39;s'],
  ])('escapes %s', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe('renderQuoteInContext', () => {
  it('escapes the words around the quote and shows the quote as its side of the diff', () => {
    const parts = diffVersions('we will leave', 'we will never leave');
    const context = 'He said <we will never leave> & went.';
    const version = { context, quoteStart: 9, quoteEnd: 28 };
    expect(renderQuoteInContext(version, parts, 'later')).toBe(
      'He said &lt;<span class="quoted">we will <ins>never</ins> leave</span>&gt; &amp; went.',
    );
    expect(renderQuoteInContext({ context: 'we will leave', quoteStart: 0, quoteEnd: 13 }, parts, 'earlier')).toBe(
      '<span class="quoted">we will leave</span>',
    );
  });
});
