/**
 * Scare quotes. The quote extractor decides which quotations are scare quotes
 * (kind `scare`); when it gives no quotations at all, a short lower-case
 * quotation of one or two words in a sentence with no reporting verb is taken
 * as one ("under the pretext of fighting “terrorism”"), while a short quote
 * with a speaker ("returning home “in coffins”, he warned") is not.
 */
import type { Token } from '../nlp/index.js';
import type { QuotationRegion } from './quotation-marks.js';
import type { Analysis } from '../nlp/index.js';
import type { Range } from './context.js';

// Lemmas that show a short quotation is someone's words or a name, not the writer's distance.
const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'warn',
  'call',
  'describe',
  'dub',
  'nickname',
  'name',
  'label',
  'term',
  'brand',
  'write',
  'state',
  'add',
  'claim',
  'insist',
  'vow',
  'threaten',
  'accuse',
  'urge',
  'demand',
  'announce',
  'declare',
  'pledge',
  'promise',
  'echo',
  'ask',
]);

/** Pick the scare quotes among quotation-mark regions (used when no quote spans are given). */
export function pickScareRegions(text: string, analysis: Analysis, regions: QuotationRegion[]): Range[] {
  const picked: Range[] = [];
  for (const r of regions) {
    if (r.words > 2) continue;
    const inner = text.slice(r.start + 1, r.end).replace(/^[\s"“]+/, '');
    if (!/^\p{Ll}/u.test(inner)) continue;
    const sentence = analysis.sentences.find((s) => s.start <= r.start && r.start < s.end);
    if (!sentence) continue;
    const words: Token[] = analysis.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    const outside = words.filter((t) => t.end <= r.start || t.start >= r.end);
    if (outside.some((t) => SPEECH_LEMMAS.has(t.lemma))) continue;
    picked.push({ start: r.start, end: r.end });
  }
  return picked;
}
