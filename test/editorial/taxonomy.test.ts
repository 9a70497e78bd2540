import { describe, expect, it } from 'vitest';
import { EDITORIAL_CATEGORIES, EDITORIAL_CATEGORY_IDS, isEditorialCategory } from '../../src/editorial/index.js';
import { buildWordTable, deriveAdverbBases } from '../../src/editorial/lexicon.js';
import { compilePhrase } from '../../src/editorial/phrases.js';
import loadedTerms from '../../data/lexicons/loaded-terms.json' with { type: 'json' };
import loadedLabels from '../../data/lexicons/loaded-labels.json' with { type: 'json' };
import intensifiers from '../../data/lexicons/intensifiers.json' with { type: 'json' };
import doubt from '../../data/lexicons/doubt.json' with { type: 'json' };
import puffery from '../../data/lexicons/puffery.json' with { type: 'json' };
import attribution from '../../data/lexicons/attribution-verbs.json' with { type: 'json' };
import adverbs from '../../data/lexicons/editorial-adverbs.json' with { type: 'json' };
import phrases from '../../data/lexicons/phrases.json' with { type: 'json' };
import questions from '../../data/lexicons/rhetorical-questions.json' with { type: 'json' };

describe('editorial taxonomy', () => {
  it('lists the ten categories, each with a name and a one-line definition', () => {
    expect(EDITORIAL_CATEGORIES.map((c) => c.id)).toEqual([...EDITORIAL_CATEGORY_IDS]);
    for (const c of EDITORIAL_CATEGORIES) {
      expect(c.name.length).toBeGreaterThan(3);
      expect(c.definition.length).toBeGreaterThan(20);
      expect(c.definition).not.toMatch(/\n/);
    }
  });

  it.each([
    ['loaded-term', true],
    ['scare-quotes', true],
    ['bias', false],
    ['', false],
  ])('knows whether %j is a category (%s)', (id, known) => {
    expect(isEditorialCategory(id)).toBe(known);
  });
});

describe('lexicon files', () => {
  it.each(
    Object.entries({
      loadedTerms,
      loadedLabels,
      intensifiers,
      doubt,
      puffery,
      attribution,
      adverbs,
      phrases,
      questions,
    }),
  )('%s names its source', (_name, file) => {
    expect(typeof file.source).toBe('string');
    expect(file.source.length).toBeGreaterThan(30);
  });

  it('rejects a word entry with an unknown part of speech', () => {
    expect(() =>
      buildWordTable({ bad: { category: 'loaded-term', source: 'test', words: { grim: ['ADJECTIVE'] } } }),
    ).toThrow(/^editorial: lexicon bad/);
  });

  it('rejects a lexicon with an unknown category', () => {
    expect(() => buildWordTable({ bad: { category: 'spin', source: 'test', words: {} } })).toThrow(/unknown category/);
  });

  it.each([
    ['spin', 'as always', /unknown category/],
    ['doubt', 'so <adj>', /bad slot/],
    ['doubt', 'so? called?', /required word/],
  ])('rejects the phrase (%s) %j', (category, pattern, error) => {
    expect(() => compilePhrase(category, pattern)).toThrow(error);
  });

  it.each([
    ['brazenly', 'brazen'],
    ['angrily', 'angry'],
    ['barbarically', 'barbaric'],
    ['terribly', 'terrible'],
  ])('derives the adjective of %s (%s)', (adverb, base) => {
    expect(deriveAdverbBases(adverb)).toContain(base);
  });

  it('derives no adjective from a word that is not an -ly adverb', () => {
    expect(deriveAdverbBases('rally')).toEqual([]);
    expect(deriveAdverbBases('troops')).toEqual([]);
  });
});
