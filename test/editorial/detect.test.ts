import { describe, expect, it } from 'vitest';
import { detectEditorial, type EditorialSpan, type QuoteSpan } from '../../src/editorial/index.js';

/** Compact rendering of the spans: "category:voice:text" in text order. */
function render(spans: EditorialSpan[]): string[] {
  return spans.map((s) => `${s.category}:${s.voice}:${s.text}`);
}

/** Quote spans for every “…” quotation in the text, of the given kind. */
function quotesOf(text: string, kind: QuoteSpan['kind']): QuoteSpan[] {
  return [...text.matchAll(/“[^”]*”/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind }));
}

describe('detectEditorial: one category at a time, with inflections and context', () => {
  it.each([
    // loaded terms: lemma + POS, so inflections and -ly adverbs count
    ['Soldiers trampled the crops as they advanced.', 'loaded-term:writer:trampled'],
    ['The government brazenly ignored the court ruling.', 'loaded-term:writer:brazenly'],
    ['It was a barbaric and unprovoked attack on a village.', 'loaded-term:writer:barbaric and unprovoked'],
    ['The rebels sowed discord among the tribes for years.', 'loaded-term:writer:sowed discord'],
    ['Critics say the army acts with impunity in the north.', 'loaded-term:writer:impunity'],
    // loaded labels, with context: occupying a force, not a place
    ['The occupiers left the city at dawn.', 'loaded-label:writer:occupiers'],
    ['Occupying forces fired on the crowd.', 'loaded-label:writer:Occupying forces'],
    ['The so-called patriots marched on the capital.', 'doubt:writer:so-called|loaded-label:writer:patriots'],
    ['A terror chief was killed in the raid, the tabloid said.', 'loaded-label:writer:terror chief'],
    // intensifiers
    ['She reaffirmed her unwavering support for the plan.', 'intensifier:writer:unwavering'],
    ['The storm left a devastating trail across the island.', 'intensifier:writer:devastating'],
    ['Tensions rocketed after the killing.', 'intensifier:writer:rocketed'],
    ['The minister issued a stern warning to the unions.', 'intensifier:writer:stern warning'],
    // attribution verbs, only when they introduce speech
    ['The minister insisted the plan was legal.', 'attribution-verb:writer:insisted'],
    ['He claimed that the vote had been rigged.', 'attribution-verb:writer:claimed'],
    ['“It was a mistake,” Jones admitted.', 'attribution-verb:writer:admitted'],
    ['“We will not leave,” the general declared firmly.', 'attribution-verb:writer:declared firmly'],
    // doubt
    ['The troops entered under the false pretext of restoring order.', 'doubt:writer:false pretext'],
    ['The spokesman made it seem that the deal was done.', 'doubt:writer:made it seem'],
    ['The purportedly independent panel met once.', 'doubt:writer:purportedly'],
    // editorial comments
    ['Of course, the ministry denied any wrongdoing.', 'editorial-comment:writer:Of course'],
    ['But indeed, the talks failed within a week.', 'editorial-comment:writer:indeed'],
    ['It is important to remember that the war began in 2003.', 'editorial-comment:writer:It is important to remember'],
    ['The minister, as always, blamed the press.', 'editorial-comment:writer:as always'],
    ['The ministry, of course, denied it.', 'editorial-comment:writer:of course'],
    // rhetorical questions in the writer's voice
    [
      'The shelling went on for weeks. And who benefits from this war? Not the villagers.',
      'rhetorical-question:writer:And who benefits from this war?',
    ],
    // generalizations
    [
      "All of the country's problems stem from the invasion.",
      "generalization:writer:All of the country's problems stem from",
    ],
    ['Everyone knows the election was decided in advance.', 'generalization:writer:Everyone knows'],
    // puffery
    ['The club has become a force to be reckoned with.', 'puffery:writer:a force to be reckoned with'],
    ['The legendary singer performed in Cairo.', 'puffery:writer:legendary'],
    // tabloid style: verbs of attack and coloured speech tags, even where wink leaves them unlemmatized
    ['Critics slammed the plan as unworkable.', 'loaded-term:writer:slammed'],
    ['“Never again,” one backbencher fumed.', 'attribution-verb:writer:fumed'],
    ['Local leaders hit out at the council over the closures.', 'loaded-term:writer:hit out at'],
    ['Officials said the floods had wreaked havoc on farms.', 'loaded-term:writer:wreaked havoc'],
    // opinion-site style
    ['The plan shows utter contempt for the law.', 'intensifier:writer:utter'],
    ['The treaty is nothing but a pretext for war.', 'editorial-comment:writer:is nothing but|doubt:writer:pretext'],
    [
      'Every single problem in the region stems from foreign meddling.',
      'generalization:writer:Every single problem in the region stems from|loaded-term:writer:meddling',
    ],
    ['The mainstream media ignored the rally.', 'loaded-label:writer:mainstream media'],
  ])('flags %j', (text, expected) => {
    expect(render(detectEditorial(text, [])).join('|')).toBe(expected);
  });

  it.each([
    'Protesters were occupying a building near the square.',
    'The militia claimed responsibility for the rocket attack.',
    'Three people were admitted to hospital.',
    'The ship changed course overnight.',
    'Patriot batteries were moved to the border.',
    'Police admitted two protesters to a holding cell and later released them.',
    'The roof of the mine collapsed after heavy rain, officials said.',
    'The rally drew about 3,000 people to the square.',
  ])('flags nothing in the neutral use %j', (text) => {
    expect(detectEditorial(text, [])).toEqual([]);
  });
});

describe('detectEditorial: voice', () => {
  it('gives voice quoted to words inside a full quotation', () => {
    const text = '“The occupiers must leave,” the commander said.';
    expect(render(detectEditorial(text, quotesOf(text, 'full')))).toEqual(['loaded-label:quoted:occupiers']);
  });

  it('gives voice writer to the same word outside the quotation', () => {
    const text = 'The occupiers left, and the commander said “we are glad” on Monday.';
    expect(render(detectEditorial(text, quotesOf(text, 'partial')))).toEqual(['loaded-label:writer:occupiers']);
  });

  it('falls back on quotation marks for voice when no quote spans are given', () => {
    const text = '“They will face a devastating response,” the official warned.';
    expect(render(detectEditorial(text, []))).toEqual(['intensifier:quoted:devastating']);
  });

  it('counts words between quotation marks as quoted even when the given quotes miss that quotation', () => {
    const text = 'Banners read “Death to the occupiers” as the minister said “we are ready to talk” on Monday.';
    const at = text.indexOf('“we');
    const spans = detectEditorial(text, [{ start: at, end: text.indexOf('on Monday') - 1, kind: 'partial' }]);
    expect(render(spans)).toEqual(['loaded-label:quoted:occupiers']);
  });

  it('gives voice quoted to a short quotation with a speaker when no quote spans are given', () => {
    const text = 'The minister called them “cowardly thugs” on Monday.';
    expect(render(detectEditorial(text, []))).toEqual(['loaded-term:quoted:cowardly', 'loaded-label:quoted:thugs']);
  });

  it('does not count a quoted question as rhetorical', () => {
    const text = 'The mayor spoke first. “Who will pay for this?” she said. The vote is on Friday.';
    expect(detectEditorial(text, quotesOf(text, 'full'))).toEqual([]);
  });
});

describe('detectEditorial: scare quotes', () => {
  it('turns a quote of kind scare into a scare-quotes span with its marks', () => {
    const text = 'The board called the deal a “merger” of equals.';
    const at = text.indexOf('merger');
    const spans = detectEditorial(text, [{ start: at, end: at + 'merger'.length, kind: 'scare' }]);
    expect(render(spans)).toEqual(['scare-quotes:writer:“merger”']);
  });

  it('takes a short unattributed lower-case quotation as a scare quote when no quotes are given', () => {
    const text = 'The army moved in to fight “terrorism,” and stayed for a decade.';
    expect(render(detectEditorial(text, []))).toEqual(['scare-quotes:writer:“terrorism,”']);
  });

  it('does not take a short quotation with a speaker as a scare quote', () => {
    const text = 'Troops will return home “in coffins” unless they leave, the militia leader warned.';
    expect(detectEditorial(text, [])).toEqual([]);
  });
});

describe('detectEditorial: offsets and input checks', () => {
  it('returns offsets that slice back to the span text', () => {
    const text =
      'Intro line.\n\nOf course, the occupiers brazenly trampled the fields. And who gains?\n\nAll of the region’s woes stem from the war.';
    const spans = detectEditorial(text, []);
    expect(spans.length).toBeGreaterThanOrEqual(4);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('rejects an analysis of another text with a message naming the module', async () => {
    const { analyzeText } = await import('../../src/nlp/index.js');
    expect(() => detectEditorial('One text.', [], analyzeText('Another text.'))).toThrow(/^editorial:/);
  });
});
