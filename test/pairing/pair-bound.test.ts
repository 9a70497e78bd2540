/**
 * The bound before the window alignment (src/pairing/pair-bound.ts) must never
 * change a decision: over the quotes of the sample articles, of generated
 * articles and of the statement and misquote tables, pairing with the bound
 * (decideIfPaired) makes exactly the pairs the full decision makes, with the
 * same score, relation, alterations and reasons — and it does rule out most
 * pairs that are not made, or it would save nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArticleTexts } from '../../bench/article-gen.js';
import { analyzeArticle } from '../../src/analysis/index.js';
import { decideIfPaired } from '../../src/pairing/decide.js';
import {
  decidePair,
  matchSpeakers,
  mayPair,
  measureQuotes,
  PAIRING_WEIGHTS,
  prepareQuote,
  type QuoteFeatures,
} from '../../src/pairing/index.js';
import { loadVectors } from '../../src/vectors/load.js';

const vectors = loadVectors();

interface Side {
  features: QuoteFeatures;
  speaker: string | null;
  article: string;
}

/** The quotes of articles, prepared, with their speakers and articles. */
function quotesOf(articles: { name: string; text: string }[]): Side[] {
  return articles.flatMap(({ name, text }) =>
    analyzeArticle(name, { text, format: 'txt' }).quotes.map((q) => ({
      features: prepareQuote(q.text, vectors),
      speaker: q.speaker,
      article: name,
    })),
  );
}

/** Pairs of quotes from different articles that share something (the cheap test passes), at most `limit`. */
function crossPairs(quotes: Side[], limit: number): [Side, Side][] {
  const out: [Side, Side][] = [];
  for (let i = 0; i < quotes.length && out.length < limit; i += 1)
    for (let j = i + 1; j < quotes.length && out.length < limit; j += 1) {
      const [x, y] = [quotes[i], quotes[j]];
      if (x.article !== y.article && mayPair(x.features, y.features)) out.push([x, y], [y, x]);
    }
  return out;
}

const samplesDir = new URL('../../data/samples/', import.meta.url);
const samples = quotesOf(
  readdirSync(samplesDir)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(new URL(name, samplesDir), 'utf8') })),
);
const generated = quotesOf(generateArticleTexts(24, 11).map((a, k) => ({ name: `generated ${k}`, text: a.text })));

const tablePairs = (file: string): [Side, Side][] =>
  (
    JSON.parse(readFileSync(new URL(`../fixtures/pairing/${file}`, import.meta.url), 'utf8')) as {
      pairs: { a: string; b: string; speakerA?: string | null; speakerB?: string | null }[];
    }
  ).pairs.map((p) => [
    { features: prepareQuote(p.a, vectors), speaker: p.speakerA ?? null, article: 'a' },
    { features: prepareQuote(p.b, vectors), speaker: p.speakerB ?? null, article: 'b' },
  ]);

/** The pairs where the decision with the bound differs from the full decision. */
function findDifferences(pairs: [Side, Side][]): string[] {
  const out: string[] = [];
  for (const [x, y] of pairs) {
    const speakers = matchSpeakers(x.speaker, y.speaker);
    const full = decidePair(x.features, y.features, speakers);
    const fast = decideIfPaired(x.features, y.features, speakers);
    if (JSON.stringify(fast) !== JSON.stringify(full.same ? full : undefined))
      out.push(`${x.features.text} | ${y.features.text}: ${JSON.stringify(full)} vs ${JSON.stringify(fast)}`);
  }
  return out;
}

/** How many pairs the full decision makes, and how many the bound rules out before aligning. */
function countRuledOut(pairs: [Side, Side][]): { made: number; ruledOut: number; notMade: number } {
  let made = 0;
  let ruledOut = 0;
  for (const [x, y] of pairs) {
    const speakers = matchSpeakers(x.speaker, y.speaker);
    if (decidePair(x.features, y.features, speakers).same) made += 1;
    else if (!measureQuotes(x.features, y.features, speakers, PAIRING_WEIGHTS)) ruledOut += 1;
  }
  return { made, ruledOut, notMade: pairs.length - made };
}

describe('the bound before aligning', () => {
  const sets: [string, [Side, Side][]][] = [
    ['the sample articles', crossPairs(samples, 3000)],
    ['generated articles', crossPairs(generated, 3000)],
    ['the statement table', tablePairs('statement-pairs.json')],
    ['the misquote table', tablePairs('misquotes.json')],
  ];

  it.each(sets)('makes exactly the pairs of the full decision over %s', (_name, pairs) => {
    expect(pairs.length).toBeGreaterThan(40);
    expect(findDifferences(pairs)).toEqual([]);
  });

  it('rules out before aligning most pairs of generated articles that are not made', () => {
    const { made, ruledOut, notMade } = countRuledOut(crossPairs(generated, 3000));
    expect(made).toBeGreaterThan(15);
    expect(ruledOut / notMade).toBeGreaterThan(0.9);
  });
});
