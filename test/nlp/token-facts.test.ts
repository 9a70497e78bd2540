import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeText } from '../../src/nlp/index.js';

// An independent wink instance read token by token through its public
// per-property API: the reference analyzeText's remembered word facts must match.
const nlp = winkNLP(model, ['sbd', 'pos', 'negation', 'sentiment']);
const its = nlp.its;

function referenceAnalysis(text: string) {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as (string | undefined)[];
  const tags = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const negs = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  let offset = 0;
  const tokens = values.map((value, i) => {
    offset += spaces[i].length;
    const start = offset;
    offset += value.length;
    return {
      index: i,
      text: value,
      start,
      end: offset,
      lemma: (lemmas[i] ?? value).toLowerCase(),
      pos: tags[i],
      type: types[i],
      stop: Boolean(stops[i]),
      negated: Boolean(negs[i]),
      space: spaces[i],
    };
  });
  const sentences: {
    start: number;
    end: number;
    tokenStart: number;
    tokenEnd: number;
    text: string;
    sentiment: number;
  }[] = [];
  doc.sentences().each((s: { out(f: unknown): unknown }) => {
    const [from, to] = s.out(its.span) as unknown as [number, number];
    let first = from;
    let last = to;
    while (first <= last && tokens[first]?.type === 'tabCRLF') first += 1;
    while (last >= first && tokens[last]?.type === 'tabCRLF') last -= 1;
    if (first > last) return;
    sentences.push({
      start: tokens[first].start,
      end: tokens[last].end,
      tokenStart: first,
      tokenEnd: last + 1,
      text: text.slice(tokens[first].start, tokens[last].end),
      sentiment: s.out(its.sentiment) as number,
    });
  });
  return { text, tokens, sentences };
}

const samplesDir = join(import.meta.dirname, '../../data/samples');
const samples = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(join(samplesDir, f), 'utf8')] as const);

const crafted: (readonly [string, string])[] = [
  ['contractions', "He didn't go. She can't, won't; it's late and they're gone. I'd've stayed. Y'all ain't done."],
  ['possessive and contraction of the same text', "Iraq's army said it's ready; the minister's aide says he's not."],
  ['one word in several parts of speech', 'They record a record. The saw saw wood. Leaders lead; the lead leads.'],
  ['spacing', 'Tabs\there,\u00a0non-breaking\u00a0spaces,  double  spaces.\r\nWindows line.\n\n\nThree breaks.'],
  [
    'wide and narrow spaces',
    'Em\u2003space, thin\u2009space,\u202fnarrow, \u00a0 mixed \u205f runs and\u3000ideographic.',
  ],
  [
    'numbers, currency, urls',
    'Prices rose 3.5% to $35,000,000 on 2024-03-14, see https://example.org/a?b=1 or mail a@b.co #news @desk',
  ],
];

describe('analyzeText against wink read item by item', () => {
  it.each([...crafted, ...samples])(
    'gives the tokens and sentences wink gives item by item on %s, first and second reading',
    (_name, text) => {
      const reference = referenceAnalysis(text);
      expect(analyzeText(text)).toEqual(reference);
      // the second reading takes type, stop flag and lemma from remembered words
      expect(analyzeText(text)).toEqual(reference);
    },
  );

  it('gives a word seen before in another part of speech that part of speech’s lemma', () => {
    analyzeText('The leaves fell.');
    const tokens = analyzeText('She leaves today.').tokens;
    expect(tokens.find((t) => t.text === 'leaves')).toMatchObject({ pos: 'VERB', lemma: 'leave' });
  });
});
