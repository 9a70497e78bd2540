import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IngestError, normalizeText, separateFurniture } from '../../src/ingest/index.js';

const samples = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const readSample = (prefix: string): string => {
  const file = [
    '000_a404dea57b915c9a',
    '001_a6efed5ff8a300ec',
    '002_ecd27ac65bfc5779',
    '003_c094ca8cd057c268',
    '004_e50d8a5f429aba39',
  ].find((f) => f.startsWith(prefix));
  return readFileSync(`${samples}${file}.txt`, 'utf8');
};

/** The furniture removed from a text, as `reason: text` strings. */
function removed(text: string): string[] {
  return separateFurniture(normalizeText(text)).furniture.map((f) => `${f.reason}: ${f.text}`);
}

const BODY =
  'The minister said on Tuesday that the talks would continue next week despite the protests outside parliament.';
const BODY2 =
  'Opposition parties called the decision a mistake and promised to raise it again when the house returns from recess.';

describe('separateFurniture on the sample articles', () => {
  it.each([
    [
      '000',
      [
        'date line (published date): date 2025-03-20',
        'agency or reporting credit: The Associated Press contributed to this story.',
      ],
    ],
    [
      '002',
      [
        'related-article link: READ MORE: Leaders pictured in flames as Russian media blames West for Moscow attack',
        'promotion: For all the latest on news, politics, sports, and showbiz from the USA, go to Daily Express US',
      ],
    ],
    ['003', []],
  ])('removes exactly the furniture of sample %s', (key, expected) => {
    expect(removed(readSample(key))).toEqual(expected);
  });

  it('removes the site header, byline, date, pull quote, signature and bio of sample 001', () => {
    const reasons = removed(readSample('001'));
    expect(reasons).toEqual([
      'site header in another script: افغانستان آزاد – آزاد افغانستان',
      'site header: AA-AA',
      'site header in another script: چو کشور نپاشد تن من مباد بدین بوم و بر زنده یک تن مباد',
      'site header in another script: همه سر به سر تن به کشتن دهیم از آن به که کشور به دشمن دهیم',
      'site address: www.afgazad.com',
      'site e-mail address: afgazad@gmail.com',
      'site header: European Languages',
      'site header in another script: زبانهای اروپایی',
      'byline: Viktor Mikhin',
      'date line (published date): 26.03.2025',
      expect.stringMatching(/^repeated paragraph \(pull quote\): The policy of intimidation/),
      'signature (author and date): Viktor Mikhin, March 24, 2025',
      'author bio: *Viktor Mikhin, Corresponding Member of the Russian Academy of Natural Sciences,',
      'author bio: Expert on the Arab World*',
    ]);
  });

  it('removes the close buttons, repeated headline and photo captions of sample 004', () => {
    expect(removed(readSample('004')).map((r) => r.split(':')[0])).toEqual([
      'close button',
      'close button',
      'repeated headline',
      'photo caption title',
      'photo caption',
      'photo credit',
      'photo caption title',
      'photo caption',
      'photo credit',
    ]);
  });

  it.each(['000', '001', '002', '003', '004'])('keeps the title and every quotation mark of sample %s', (key) => {
    const normalized = normalizeText(readSample(key));
    const { text, furniture } = separateFurniture(normalized);
    const marks = (s: string): number => (s.match(/[“”"]/g) ?? []).length;
    const inCaptions = furniture.filter((f) => f.reason === 'photo caption').reduce((n, f) => n + marks(f.text), 0);
    expect(marks(text) + inCaptions).toBe(marks(normalized));
  });

  it.each(['000', '001', '002', '003', '004'])('is stable when run again on its own output (sample %s)', (key) => {
    const once = separateFurniture(normalizeText(readSample(key))).text;
    expect(separateFurniture(once).text).toBe(once);
  });
});

describe("separateFurniture on other outlets' furniture", () => {
  it.each([
    ['a photo label', 'Photo: Reuters', 'photo credit'],
    ['an agency credit', 'Getty Images', 'photo credit'],
    ['a photographer via agency', 'John Smith via Getty Images', 'photo credit'],
    ['a slash credit', 'Ahmad Gharabli/AFP', 'photo credit'],
    ['an advertisement label', 'Advertisement', 'advertisement label'],
    ['a story-continues label', 'Story continues below advertisement', 'advertisement label'],
    ['a newsletter prompt', 'Subscribe to our newsletter', 'subscription or sharing prompt'],
    ['a sharing prompt', 'Share this article', 'subscription or sharing prompt'],
    ['a social prompt', 'Follow us on Twitter', 'subscription or sharing prompt'],
    ['a sign-up prompt', 'Sign up for our morning briefing', 'subscription or sharing prompt'],
    ['a related link', 'Related: Protests spread to second city', 'related-article link'],
    ['a read-also link', 'Read also: What the new law means for renters', 'related-article link'],
    ['a copyright line', '© 2024 Example Media Group. All rights reserved.', 'copyright notice'],
    ['a Reuters credit', '(Reporting by Jane Doe; Editing by John Roe)', 'agency or reporting credit'],
    [
      'a wire credit with places',
      'Reporting by Jane Doe in Kyiv and Max Roe in Moscow; Editing by John Roe',
      'agency or reporting credit',
    ],
    ['a contributed line', 'Reuters contributed to this report.', 'agency or reporting credit'],
    ['a files-from line', 'With files from The Canadian Press', 'agency or reporting credit'],
    ['a lone close button', '×', 'close button'],
  ])('removes %s between paragraphs', (_name, line, reason) => {
    const { text, furniture } = separateFurniture(`${BODY}\n\n${line}\n\n${BODY2}`);
    expect(furniture).toEqual([{ text: line, reason }]);
    expect(text).toBe(`${BODY}\n\n${BODY2}`);
  });

  it.each([
    [
      'a sentence that mentions a photo',
      'The photo: a crowd outside the court, was shared widely online, officials said.',
    ],
    [
      'a quoted sentence that starts like a prompt',
      '"Subscribe to our values or leave," the party leader told the rally.',
    ],
    ['a sentence with a slash', 'Talks on the Israel/Gaza ceasefire resumed in Cairo on Monday.'],
    ['a section heading', 'Call for Complete Withdrawal'],
    [
      'a sentence about reporting',
      'Reporting by local journalists has been restricted since the coup, the group said.',
    ],
  ])('keeps %s', (_name, line) => {
    const input = `${BODY}\n\n${line}\n\n${BODY2}`;
    expect(separateFurniture(input).furniture).toEqual([]);
  });

  it('removes a caption headline, a caption cut short and its credit', () => {
    const input = [
      BODY,
      'Rescuers search the rubble in Antakya',
      'Rescue workers search for survivors in the rubble of a collapsed building in Antakya on Tuesday, as the death toll…',
      'Burak Kara/Getty Images',
      BODY2,
    ].join('\n\n');
    expect(separateFurniture(input).furniture.map((f) => f.reason)).toEqual([
      'photo caption title',
      'photo caption',
      'photo credit',
    ]);
  });

  it('reads a header with a site name, a byline and a date before the body', () => {
    const input = [
      'Home',
      'World News',
      'Flood waters rise across the northern valley',
      'By Anna Kowalski and Piotr Nowak',
      'Published: 4 May 2024',
      BODY,
      BODY2,
    ].join('\n');
    const { furniture, clues, text } = separateFurniture(input);
    expect(furniture.map((f) => f.reason)).toEqual([
      'site header',
      'site header',
      'byline',
      'date line (published date)',
    ]);
    expect(clues.title).toBe('Flood waters rise across the northern valley');
    expect(clues.authors[0].name).toBe('Anna Kowalski and Piotr Nowak');
    expect(clues.dates[0].iso).toBe('2024-05-04');
    expect(text.split('\n')[0]).toBe('Flood waters rise across the northern valley');
  });

  it('removes a headline repeated right after itself and a cookie notice', () => {
    const input = [
      'Storm closes schools',
      'Storm closes schools',
      BODY,
      'We use cookies to improve your experience',
    ].join('\n\n');
    expect(separateFurniture(input).furniture.map((f) => f.reason)).toEqual([
      'repeated headline',
      'subscription or sharing prompt',
    ]);
  });

  it('keeps a page of short lines without running text as it is', () => {
    const input = 'Home\n\nNews in brief\n\nWeather today';
    expect(separateFurniture(input)).toMatchObject({ text: input, furniture: [] });
  });

  it('throws a 422 IngestError when only furniture is left', () => {
    expect(() => separateFurniture('Advertisement\n\nShare this article')).toThrow(IngestError);
    try {
      separateFurniture('Advertisement');
    } catch (err) {
      expect((err as IngestError).status).toBe(422);
    }
  });
});
