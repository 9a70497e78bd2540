/**
 * Generated corpora for benchmarks: articles made of perturbed copies of the
 * sample corpus's sentences (so real pairs exist at every size) plus unrelated
 * filler sentences. Deterministic for a given seed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PairingQuote } from '../src/pairing/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One generated article: its id and the statements pairing sees. */
export interface GeneratedArticle {
  id: string;
  quotes: PairingQuote[];
}

/** A small seeded PRNG (mulberry32), so runs are repeatable. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the sample articles long enough to be statements. */
function readSampleSentences(): string[] {
  const dir = join(root, 'data', 'samples');
  const out: string[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(dir, f), 'utf8').replace(/\s+/g, ' ');
    for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
      const words = s.split(' ').length;
      if (words >= 6 && words <= 60) out.push(s.replace(/[“”"]/g, ''));
    }
  }
  return out;
}

const FILLER_WORDS = (
  'market council harvest railway museum festival orchestra bakery vineyard glacier satellite tournament theatre library bridge ' +
  'harbour airline startup vaccine clinic farmer teacher student engineer novelist painter chef pilot mayor judge coach ' +
  'rainfall drought flood wildfire earthquake snowfall heatwave tide river valley mountain island forest desert coast ' +
  'announced opened postponed celebrated expanded restored reviewed approved delayed launched repaired cancelled hosted ' +
  'record budget contract ticket season schedule exhibit prize recipe software network battery engine platform ' +
  'quarterly annual local regional national historic modern rural coastal urban seasonal public private popular'
).split(' ');

/** A filler sentence of unrelated everyday news vocabulary. */
function makeFiller(random: () => number): string {
  const n = 8 + Math.floor(random() * 12);
  const words: string[] = [];
  for (let i = 0; i < n; i += 1) words.push(FILLER_WORDS[Math.floor(random() * FILLER_WORDS.length)]);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** Perturb a sentence the way retellings do: trim it, drop or swap words, change case. */
function perturb(sentence: string, random: () => number): string {
  let words = sentence.split(' ');
  const r = random();
  if (r < 0.25 && words.length > 10) {
    const start = Math.floor(random() * (words.length / 3));
    words = words.slice(start, start + Math.ceil(words.length * 0.6));
  } else if (r < 0.6) {
    for (let k = 0; k < 2; k += 1) words.splice(Math.floor(random() * words.length), 1);
  } else if (r < 0.8) {
    const i = Math.floor(random() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1], words[i]];
  }
  const out = words.join(' ');
  return random() < 0.2 ? out.toLowerCase() : out;
}

/**
 * Generate `count` articles of `perArticle` statements each: about a quarter
 * are perturbed sample sentences, the rest filler. Speakers come from a small
 * pool so the speaker rule takes part.
 */
export function generateCorpus(count: number, seed = 1, perArticle = 8): GeneratedArticle[] {
  const random = createRandom(seed);
  const samples = readSampleSentences();
  const speakers = ['Firas al-Yasser', 'Hussein al-Musawi', 'Matthew Miller', null, 'Ana Ruiz', 'Ole Berg'];
  const articles: GeneratedArticle[] = [];
  for (let a = 0; a < count; a += 1) {
    const id = `g${a}`;
    const quotes: PairingQuote[] = [];
    for (let k = 0; k < perArticle; k += 1) {
      const fromSample = random() < 0.25;
      const text = fromSample ? perturb(samples[Math.floor(random() * samples.length)], random) : makeFiller(random);
      const speaker = speakers[Math.floor(random() * speakers.length)];
      quotes.push({ id: `${id}-${k}`, article: id, text, speaker, kind: 'full', published: null });
    }
    articles.push({ id, quotes });
  }
  return articles;
}
