import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText, prepareArticle } from '../../src/ingest/index.js';

const dir = fileURLToPath(new URL('../fixtures/ingest/pages/', import.meta.url));
const page = (name: string): string => readFileSync(`${dir}${name}.txt`, 'utf8');

/** Every sentence with quotation marks in a text. */
const quotedLines = (text: string): string[] => text.split('\n').filter((l) => /["“”]/.test(l));

describe("prepareArticle on copied pages in other outlets' styles", () => {
  it.each([
    [
      'broadcaster',
      {
        title: 'Ukraine war: Zelensky calls for more air defence',
        titleSource: 'detected',
        author: 'James Waterhouse',
        published: null,
        outlet: null,
      },
    ],
    [
      'international-site',
      { title: 'Gaza ceasefire talks resume in Cairo', titleSource: 'detected', author: null, published: '2024-03-05' },
    ],
    [
      'newspaper',
      {
        title: 'Rishi Sunak faces backlash over pension plans',
        titleSource: 'detected',
        author: 'Peter Walker',
        published: '2024-03-05',
      },
    ],
    [
      'wire-ap-style',
      {
        titleSource: 'fallback',
        outlet: 'Associated Press',
        title: expect.stringMatching(/^The Senate passed a sweeping defense bill/),
      },
    ],
    [
      'wire-reuters-style',
      { titleSource: 'fallback', outlet: 'Reuters', title: expect.stringMatching(/^British inflation fell/) },
    ],
  ])('reads the metadata of the %s page', (name, expected) => {
    expect(prepareArticle({ text: page(name) })).toMatchObject(expected);
  });

  it.each(['broadcaster', 'international-site', 'newspaper', 'wire-ap-style', 'wire-reuters-style'])(
    'keeps every quoted line of the %s page',
    (name) => {
      const raw = page(name);
      const { text } = prepareArticle({ text: raw });
      expect(quotedLines(text)).toEqual(quotedLines(normalizeText(raw)));
    },
  );

  it.each([
    [
      'broadcaster',
      [
        'close button',
        'site header',
        'site header',
        'site header',
        'date line (relative time)',
        'subscription or sharing prompt',
        'subscription or sharing prompt',
        'byline',
        'byline',
        'photo credit',
        'photo credit',
        'photo caption',
        'related-article link',
        'topic tags',
        'topic tags',
      ],
    ],
    [
      'international-site',
      [
        'site header',
        'byline',
        'date line (published date)',
        'date line (published date)',
        'subscription or sharing prompt',
        'source credit',
      ],
    ],
    [
      'newspaper',
      [
        'site header',
        'byline',
        'date line (published date)',
        'related-article link',
        'topic tags',
        'subscription or sharing prompt',
        'subscription or sharing prompt',
      ],
    ],
    ['wire-ap-style', ['agency or reporting credit']],
    ['wire-reuters-style', ['agency or reporting credit', 'subscription or sharing prompt']],
  ])('removes the furniture of the %s page', (name, reasons) => {
    expect(prepareArticle({ text: page(name) }).furniture.map((f) => f.reason)).toEqual(reasons);
  });

  it('keeps the standfirst and the wire dateline as article text', () => {
    expect(prepareArticle({ text: page('newspaper') }).text).toContain(
      'Opposition says proposals will hit low earners hardest',
    );
    expect(prepareArticle({ text: page('wire-ap-style') }).text.startsWith('WASHINGTON (AP) — The Senate')).toBe(true);
  });
});
