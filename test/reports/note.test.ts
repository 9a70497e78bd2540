import { describe, expect, it } from 'vitest';
import { renderNote } from '../../src/reports/note.js';

describe('renderNote', () => {
  it.each([
    ['plain text', 'Plain words.', '<p>Plain words.</p>'],
    ['paragraphs and line breaks', 'One\ntwo\n\nThree', '<p>One<br>two</p><p>Three</p>'],
    ['bold and italic', 'a **strong** and *soft* word', '<p>a <strong>strong</strong> and <em>soft</em> word</p>'],
    [
      'a bare link without its full stop',
      'See https://example.org/a?b=1&c=2.',
      '<p>See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">https://example.org/a?b=1&amp;c=2</a>.</p>',
    ],
    [
      'a labelled link',
      '[the source](http://example.org/x)',
      '<p><a href="http://example.org/x" rel="nofollow noopener">the source</a></p>',
    ],
    ['a script tag', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['a javascript link', '[click](javascript:alert(1))', '<p>[click](javascript:alert(1))</p>'],
    [
      'markup inside bold',
      '**<img src=x onerror=alert(1)>**',
      '<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>',
    ],
    [
      'quotes in a link label',
      '[a" onmouseover="x](https://example.org)',
      '<p><a href="https://example.org/" rel="nofollow noopener">a&quot; onmouseover=&quot;x</a></p>',
    ],
    ['a heading mark, kept as written', '# not a heading\n- nor a list', '<p># not a heading<br>- nor a list</p>'],
    ['an e-mail address, not linked', 'write to a@example.org', '<p>write to a@example.org</p>'],
  ])('renders %s safely', (_name, note, html) => {
    expect(renderNote(note)).toBe(html);
  });
});
