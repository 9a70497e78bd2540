/**
 * Evaluation of quote extraction and speaker attribution on PolNeAR (Newell,
 * Margolin & Ruths, LREC 2018): US political news from seven publishers with
 * every attribution annotated. Read from ../shared/dev/polnear/{train,dev}.jsonl
 * when present; `dev` is the held-out figure, `train` is where rules are
 * written, and the two are reported apart.
 *
 * Measures (issue 13):
 * - direct-quote recall: a gold content marked `direct` is found when a
 *   retold direct quote (full, partial, scare) overlaps at least half of the
 *   shorter of the two spans (any fragment of a discontinuous content);
 * - precision of retold's full quotes against any annotated content;
 * - speaker accuracy over found direct quotes whose annotated source is not
 *   only a pronoun: retold's speaker matches when its normalised last name is
 *   the source's, or one name's words are all among the other's; no speaker
 *   counts as wrong;
 * - the share of those quotes that got no speaker;
 * - found direct quotes whose source is only a pronoun that retold resolved to a name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuotes, type Quote } from '../../src/quotes/index.js';
import { overlapsEnough } from './corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const polnearDir = resolve(root, '..', 'shared', 'dev', 'polnear');

interface Span {
  start: number;
  end: number;
  text: string;
}

/** One PolNeAR attribution (only the fields read here). */
export interface PolnearAttribution {
  source: Span[] | null;
  cue: Span[] | null;
  content: Span[];
  direct: boolean;
}

/** One PolNeAR article. */
export interface PolnearArticle {
  id: string;
  publisher: string;
  text: string;
  attributions: PolnearAttribution[];
}

/** Read one split (`train` or `dev`); null when the file is absent. */
export function loadPolnear(split: 'train' | 'dev'): PolnearArticle[] | null {
  const file = resolve(polnearDir, `${split}.jsonl`);
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PolnearArticle);
}

const pronouns = new Set([
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'it',
  'him',
  'her',
  'them',
  'us',
  'me',
  'his',
  'their',
  'its',
  'our',
  'my',
  'himself',
  'herself',
  'themselves',
  'who',
  'which',
  'that',
]);
const dropped = new Set(['the', 'a', 'an']);

/** Lower-case words of a name: possessives, punctuation and articles dropped. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !dropped.has(w));
}

/** True when a source's words are only pronouns ("he", "they", "she herself"). */
export function isPronounSource(source: string): boolean {
  const words = nameWords(source);
  return words.length > 0 && words.every((w) => pronouns.has(w));
}

/**
 * The speaker match: the same normalised last name, or one name's
 * words all among the other's. A source's name is its words before the first
 * comma: `Podesta, who is now chairman of …` names Podesta, whose last name
 * is not "campaign".
 */
export function speakerMatches(got: string | null, source: string): boolean {
  if (!got) return false;
  const a = nameWords(got);
  const b = nameWords(source);
  const head = nameWords(source.split(',')[0]);
  if (a.length === 0 || b.length === 0) return false;
  if (a[a.length - 1] === b[b.length - 1] || (head.length > 0 && a[a.length - 1] === head[head.length - 1]))
    return true;
  const inB = new Set(b);
  const inA = new Set(a);
  return a.every((w) => inB.has(w)) || b.every((w) => inA.has(w));
}

const DIRECT = new Set(['full', 'partial', 'scare']);

/** Figures of one split. */
export interface PolnearScores {
  articles: number;
  gold: number;
  found: number;
  recall: number;
  fullPredicted: number;
  fullAnnotated: number;
  precision: number;
  speakerScored: number;
  speakerRight: number;
  speakerAccuracy: number;
  noSpeaker: number;
  noSpeakerShare: number;
  pronounSources: number;
  pronounResolved: number;
  missed: { article: string; text: string }[];
  wrongSpeaker: {
    article: string;
    source: string;
    got: string | null;
    mention: string | null;
    kind: string;
    context: string;
  }[];
  spurious: { article: string; text: string }[];
}

function sourceText(a: PolnearAttribution): string | null {
  if (!a.source || a.source.length === 0) return null;
  return a.source.map((s) => s.text).join(' ');
}

/** The retold quote that best overlaps a gold content (overlap rule of the seed evaluation). */
function bestMatch(quotes: Quote[], content: Span[]): Quote | null {
  let best: Quote | null = null;
  let bestOverlap = 0;
  for (const q of quotes) {
    if (!DIRECT.has(q.kind)) continue;
    for (const c of content) {
      if (!overlapsEnough(q, c)) continue;
      const overlap = Math.min(q.end, c.end) - Math.max(q.start, c.start);
      if (overlap > bestOverlap) {
        best = q;
        bestOverlap = overlap;
      }
    }
  }
  return best;
}

/** Score retold's quotes on PolNeAR articles. */
export function scorePolnear(articles: PolnearArticle[]): PolnearScores {
  const s: PolnearScores = {
    articles: articles.length,
    gold: 0,
    found: 0,
    recall: 0,
    fullPredicted: 0,
    fullAnnotated: 0,
    precision: 0,
    speakerScored: 0,
    speakerRight: 0,
    speakerAccuracy: 0,
    noSpeaker: 0,
    noSpeakerShare: 0,
    pronounSources: 0,
    pronounResolved: 0,
    missed: [],
    wrongSpeaker: [],
    spurious: [],
  };
  for (const article of articles) {
    const quotes = extractQuotes(article.text);
    for (const a of article.attributions) {
      if (!a.direct) continue;
      s.gold += 1;
      const q = bestMatch(quotes, a.content);
      if (!q) {
        s.missed.push({
          article: article.id,
          text: a.content
            .map((c) => c.text)
            .join(' … ')
            .slice(0, 100),
        });
        continue;
      }
      s.found += 1;
      const source = sourceText(a);
      if (source === null) continue;
      if (isPronounSource(source)) {
        s.pronounSources += 1;
        if (q.speaker) s.pronounResolved += 1;
        continue;
      }
      s.speakerScored += 1;
      if (!q.speaker) s.noSpeaker += 1;
      if (speakerMatches(q.speaker, source)) s.speakerRight += 1;
      else {
        const from = Math.max(0, Math.min(q.start, a.source![0].start) - 60);
        const to = Math.min(article.text.length, Math.max(q.end, a.source![a.source!.length - 1].end) + 40);
        s.wrongSpeaker.push({
          article: article.id,
          source,
          got: q.speaker,
          mention: q.speakerMention,
          kind: q.kind,
          context: article.text.slice(from, to).replace(/\s+/g, ' '),
        });
      }
    }
    const contents = article.attributions.flatMap((a) => a.content);
    for (const q of quotes) {
      if (q.kind !== 'full') continue;
      s.fullPredicted += 1;
      if (contents.some((c) => overlapsEnough(q, c))) s.fullAnnotated += 1;
      else s.spurious.push({ article: article.id, text: q.text.slice(0, 100) });
    }
  }
  s.recall = s.gold ? s.found / s.gold : 0;
  s.precision = s.fullPredicted ? s.fullAnnotated / s.fullPredicted : 0;
  s.speakerAccuracy = s.speakerScored ? s.speakerRight / s.speakerScored : 0;
  s.noSpeakerShare = s.speakerScored ? s.noSpeaker / s.speakerScored : 0;
  return s;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Printable lines of one split's figures. */
export function describePolnear(split: string, s: PolnearScores): string[] {
  return [
    `${split}: ${s.articles} articles, ${s.gold} direct quotes annotated`,
    `  direct-quote recall ${pct(s.recall)} (${s.found}/${s.gold})`,
    `  full-quote precision against any annotated content ${pct(s.precision)} (${s.fullAnnotated}/${s.fullPredicted})`,
    `  speaker accuracy ${pct(s.speakerAccuracy)} (${s.speakerRight}/${s.speakerScored} found quotes whose source is not only a pronoun)`,
    `  no speaker ${pct(s.noSpeakerShare)} (${s.noSpeaker}/${s.speakerScored})`,
    `  pronoun sources resolved to a name ${s.pronounResolved}/${s.pronounSources}`,
  ];
}

/** Floors on dev (issue 13), set just under the figures reached so a regression fails. */
export const POLNEAR_FLOORS = { recall: 0.975, speakerAccuracy: 0.835 };

/** The PolNeAR section of `npm run eval`: lines and broken floors, or null when the data is absent. */
export function runPolnearSection(): { lines: string[]; failures: string[]; misses: string[] } | null {
  const dev = loadPolnear('dev');
  const train = loadPolnear('train');
  if (!dev || !train) return null;
  const d = scorePolnear(dev);
  const t = scorePolnear(train);
  const lines = [...describePolnear('dev (held out)', d), ...describePolnear('train', t)];
  return { lines, failures: checkPolnearFloors(d), misses: listMisses(t) };
}

/** The dev floors a score breaks, as messages. */
export function checkPolnearFloors(d: PolnearScores): string[] {
  const failures: string[] = [];
  if (d.recall < POLNEAR_FLOORS.recall)
    failures.push(`polnear: dev direct-quote recall ${pct(d.recall)} below ${pct(POLNEAR_FLOORS.recall)}`);
  if (d.speakerAccuracy < POLNEAR_FLOORS.speakerAccuracy)
    failures.push(
      `polnear: dev speaker accuracy ${pct(d.speakerAccuracy)} below ${pct(POLNEAR_FLOORS.speakerAccuracy)}`,
    );
  return failures;
}

/** The train split's misses, one a line, for reading (rules are written on train, never on dev). */
export function listMisses(s: PolnearScores): string[] {
  return [
    ...s.missed.map((m) => `missed [${m.article}] ${m.text}`),
    ...s.wrongSpeaker.map(
      (w) =>
        `speaker [${w.article}] source "${w.source}" got ${w.got ?? 'none'} (mention ${w.mention ?? 'none'}, ${w.kind}): ${w.context}`,
    ),
    ...s.spurious.map((m) => `spurious [${m.article}] ${m.text}`),
  ];
}
