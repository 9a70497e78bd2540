/**
 * Whole generated articles for the import, extraction and comparison
 * benchmarks: the statements of bench/corpus-gen.ts written out as news copy
 * (quoted with an attribution, or reported) between filler sentences, so every
 * step of the pipeline has work to do. Deterministic for a given seed.
 */
import { createRandom, generateCorpus } from './corpus-gen.js';

/** One generated article ready for importArticle. */
export interface ArticleText {
  title: string;
  outlet: string;
  text: string;
}

const OUTLETS = ['Harbour Wire', 'The Valley Courier', 'Northern Post', 'Metro Daily', 'The Opinion Desk'];

/** Write one statement as a sentence of news copy. */
function writeStatement(text: string, speaker: string | null, random: () => number): string {
  const who = speaker ?? 'a spokesperson';
  const body = text.replace(/[.!?]+$/, '');
  const r = random();
  if (r < 0.5) return `"${body}," ${who} said.`;
  if (r < 0.8) return `${who} told reporters: "${body}."`;
  return `${who} said that ${body.charAt(0).toLowerCase()}${body.slice(1)}.`;
}

/**
 * Generate `count` articles of about `words` words each, from statements of
 * the generated corpus (so imports find pairs) and a unique dateline.
 */
export function generateArticleTexts(count: number, seed = 1, words = 300): ArticleText[] {
  const random = createRandom(seed + 1000);
  const statementsPer = Math.max(2, Math.round(words / 22));
  const corpus = generateCorpus(count, seed, statementsPer);
  return corpus.map((a, i) => {
    const sentences = a.quotes.map((q) => writeStatement(q.text, q.speaker, random));
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; k += 2) paragraphs.push(sentences.slice(k, k + 2).join(' '));
    return {
      title: `Generated report ${seed}-${i}`,
      outlet: OUTLETS[i % OUTLETS.length],
      text: `CITY, day ${i} (${OUTLETS[i % OUTLETS.length]}) — Officials met again on day ${i} of the talks.\n\n${paragraphs.join('\n\n')}\n`,
    };
  });
}

/**
 * Two long articles (about `words` words each) retelling the same statements:
 * the second trims, reorders and rewords some of them, as a rival outlet would.
 */
export function generateRetoldPair(words = 2000, seed = 5): [ArticleText, ArticleText] {
  const [first] = generateArticleTexts(1, seed, words);
  const random = createRandom(seed);
  const paragraphs = first.text.split('\n\n');
  const retold = paragraphs.map((p, i) => {
    if (i === 0) return 'TOWN, later (Rival Daily) — The talks went on into the night.';
    const w = p.split(' ');
    if (random() < 0.3 && w.length > 8) w.splice(2 + Math.floor(random() * (w.length - 4)), 1);
    return w.join(' ');
  });
  return [first, { title: 'Retold report', outlet: 'Rival Daily', text: `${retold.join('\n\n')}\n` }];
}
