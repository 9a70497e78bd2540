/**
 * Attribution verbs that colour the speaker (insisted, claimed, admitted,
 * reminded) and plain reporting verbs coloured by a manner adverb (declared
 * firmly). A verb counts only when it introduces speech: "claimed
 * responsibility" or "admitted to hospital" are not attributions.
 */
import type { Token } from '../nlp/index.js';
import verbs from '../../data/lexicons/attribution-verbs.json' with { type: 'json' };
import { isQuoteMark, isWord, type DetectContext } from './context.js';
import { deriveInflectionBases } from './lexicon.js';

const loaded = new Set(verbs.loaded);
const neutral = new Set(verbs.neutral);
const manner = new Set(verbs.manner);
const notAttribution = new Set(verbs.notAttribution);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'there', 'this']);
const CLOSING_QUOTES = /^[”"’»]+$/;

/** A reporting verb used as attribution. */
export interface AttributionHit {
  start: number;
  end: number;
  verb: string;
}

function isVerbLike(token: Token): boolean {
  return token.pos === 'VERB' || token.pos === 'PROPN' || (token.pos === 'ADJ' && /ed$/i.test(token.text));
}

// A clause complement reads subject-then-verb ("insisted his militia and its
// allies requested ..."): from `from`, only noun-phrase tokens may come before
// the verb. A preposition first ("admitted two protesters to a cell") means the
// verb took a plain object, not speech.
const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'DET', 'PRON', 'ADJ', 'NUM', 'CCONJ', 'PART', 'ADV']);
function hasClauseVerb(tokens: Token[], from: number, end: number): boolean {
  for (let i = from; i < end; i += 1) {
    const t = tokens[i];
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (!NOUN_PHRASE.has(t.pos) && !/^[,'’]$/.test(t.text)) return false;
  }
  return false;
}

// Why these cues: a reporting verb introduces speech when it is followed by
// "that", a quotation, a colon or a clause with its own verb, or when it comes
// right after a closing quotation mark ('…,” Yasir reminded.').
function introducesSpeech(tokens: Token[], i: number, sentenceStart: number, sentenceEnd: number): boolean {
  for (let k = i - 1; k >= Math.max(sentenceStart, i - 5); k -= 1) {
    if (CLOSING_QUOTES.test(tokens[k].text)) return true;
  }
  let n = i + 1;
  while (n < sentenceEnd && (tokens[n].pos === 'ADV' || manner.has(tokens[n].text.toLowerCase()))) n += 1;
  if (n >= sentenceEnd) return false;
  const next = tokens[n];
  const word = next.text.toLowerCase();
  if (word === 'that' || word === ':' || isQuoteMark(next)) return true;
  if (word === ',' && n + 1 < sentenceEnd && isQuoteMark(tokens[n + 1])) return true;
  if (SUBJECT_PRONOUNS.has(word)) return hasClauseVerb(tokens, n + 1, sentenceEnd);
  if (['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(next.pos)) {
    // a noun object the verb takes directly ("claimed responsibility") is not speech
    let head = n;
    while (head < sentenceEnd && !['NOUN', 'PROPN'].includes(tokens[head].pos) && isWord(tokens[head])) head += 1;
    if (head < sentenceEnd && notAttribution.has(tokens[head].lemma)) return false;
    return hasClauseVerb(tokens, head + 1, sentenceEnd);
  }
  return false;
}

/** What the verb lists say of a word form: null when it is neither loaded nor a plain reporting verb. */
export interface VerbReading {
  loaded: boolean;
  neutral: boolean;
  /** the lemma that matched a list */
  lemma: string;
}

function readVerb(t: Token): VerbReading | null {
  // wink leaves some past tenses unlemmatized ("fumed"), so try their base forms too
  const lemmas = t.lemma === t.text.toLowerCase() ? [t.lemma, ...deriveInflectionBases(t.lemma)] : [t.lemma];
  const isLoaded = lemmas.some((l) => loaded.has(l));
  const isNeutral = lemmas.some((l) => neutral.has(l));
  if (!isLoaded && !isNeutral) return null;
  return {
    loaded: isLoaded,
    neutral: isNeutral,
    lemma: lemmas.find((l) => loaded.has(l) || neutral.has(l)) ?? t.lemma,
  };
}

/** Find the attribution verbs of the text that colour the speaker. */
export function findAttributionHits(ctx: DetectContext): AttributionHit[] {
  const { tokens, sentences } = ctx.analysis;
  const hits: AttributionHit[] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i += 1) {
      const t = tokens[i];
      if (t.type !== 'word' || !isVerbLike(t)) continue;
      // "the alleged attacker", "an admitted liar": a participle after a determiner modifies a noun
      const prev = i > s.tokenStart ? tokens[i - 1] : undefined;
      if (prev && prev.pos === 'DET') continue;
      // "self-proclaimed", "so-claimed": the verb is half of a compound adjective
      if (prev && prev.text === '-' && prev.end === t.start) continue;
      const form = ctx.forms[i];
      const verb = form.verb === undefined ? (form.verb = readVerb(t)) : form.verb;
      if (verb === null) continue;
      const before = prev && manner.has(prev.text.toLowerCase()) ? prev : undefined;
      const after = i + 1 < s.tokenEnd && manner.has(tokens[i + 1].text.toLowerCase()) ? tokens[i + 1] : undefined;
      const coloured = verb.neutral && (before || after);
      if (!verb.loaded && !coloured) continue;
      if (!introducesSpeech(tokens, i, s.tokenStart, s.tokenEnd)) continue;
      hits.push({ start: (before ?? t).start, end: (after ?? t).end, verb: verb.lemma });
    }
  }
  return hits;
}
