/**
 * Word lexicons: single words matched on lemma and part of speech, so that
 * inflections count (trampled → trample/VERB, occupiers → occupier/NOUN) and an
 * adjective entry can also match its -ly adverb (brazen → brazenly).
 */
import type { Token } from '../nlp/index.js';
import loadedTerms from '../../data/lexicons/loaded-terms.json' with { type: 'json' };
import loadedLabels from '../../data/lexicons/loaded-labels.json' with { type: 'json' };
import intensifiers from '../../data/lexicons/intensifiers.json' with { type: 'json' };
import doubt from '../../data/lexicons/doubt.json' with { type: 'json' };
import puffery from '../../data/lexicons/puffery.json' with { type: 'json' };
import { isEditorialCategory, type EditorialCategoryId } from './categories.js';
import type { DetectContext } from './context.js';

/** A word lexicon file: one category, its source, lemma → parts of speech. */
export interface WordLexicon {
  category: string;
  source: string;
  words: Record<string, string[]>;
}

/** A hit of a word lexicon on one token. */
export interface LexiconHit {
  start: number;
  end: number;
  category: EditorialCategoryId;
  lexicon: string;
}

interface Entry {
  category: EditorialCategoryId;
  lexicon: string;
  pos: Set<string>;
}

const POS_TAGS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

/** Build the lemma → entries table from lexicon files, checking their shape. */
export function buildWordTable(files: Record<string, WordLexicon>): Map<string, Entry[]> {
  const table = new Map<string, Entry[]>();
  for (const [name, file] of Object.entries(files)) {
    if (!isEditorialCategory(file.category)) throw new Error(`editorial: lexicon ${name} has unknown category ${JSON.stringify(file.category)}`);
    if (!file.source) throw new Error(`editorial: lexicon ${name} has no source`);
    for (const [lemma, pos] of Object.entries(file.words)) {
      const bad = pos.filter((p) => !POS_TAGS.has(p));
      if (bad.length) throw new Error(`editorial: lexicon ${name} entry ${JSON.stringify(lemma)} has unknown POS ${JSON.stringify(bad)}`);
      const list = table.get(lemma) ?? [];
      list.push({ category: file.category, lexicon: name, pos: new Set(pos) });
      table.set(lemma, list);
    }
  }
  return table;
}

const wordTable = buildWordTable({
  'loaded-terms': loadedTerms,
  'loaded-labels': loadedLabels,
  intensifiers,
  doubt,
  puffery,
});

/**
 * Base adjectives an -ly adverb may come from: brazenly → brazen, angrily →
 * angry, barbarically → barbaric, terribly → terrible.
 */
export function deriveAdverbBases(word: string): string[] {
  if (!word.endsWith('ly') || word.length < 5) return [];
  const stem = word.slice(0, -2);
  const bases = [stem];
  if (word.endsWith('ily')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ally')) bases.push(word.slice(0, -4));
  if (word.endsWith('bly') || word.endsWith('ply')) bases.push(`${stem}le`);
  return bases;
}

// wink tags participles used as modifiers as ADJ ("trampled") and capitalizes
// sentence-initial words into PROPN, so a part of speech is accepted when the
// token could plausibly be that word class; a capitalized word inside a
// sentence stays a name ("Patriot missiles", "Mr. Savage").
function fitsPos(token: Token, pos: string, sentenceInitial: boolean): boolean {
  const properOk = token.pos === 'PROPN' && (sentenceInitial || token.text === token.text.toLowerCase());
  switch (pos) {
    case 'NOUN':
      return token.pos === 'NOUN' || properOk;
    case 'VERB':
      return token.pos === 'VERB' || (token.pos === 'ADJ' && /(?:ed|en|ing|t)$/i.test(token.text)) || properOk;
    case 'ADJ':
      return token.pos === 'ADJ' || (token.pos === 'VERB' && /(?:ed|ing)$/i.test(token.text)) || token.pos === 'NOUN' || properOk;
    default:
      return false;
  }
}

function matchToken(token: Token, sentenceInitial: boolean): Entry | undefined {
  const lower = token.text.toLowerCase();
  // hyphenated coinages (so-called, world-class) are unambiguous whatever wink tags them
  const anyPos = lower.includes('-');
  for (const key of new Set([token.lemma, lower])) {
    for (const entry of wordTable.get(key) ?? []) {
      if (anyPos) return entry;
      for (const pos of entry.pos) if (pos !== 'ADV' && fitsPos(token, pos, sentenceInitial)) return entry;
    }
  }
  if (token.pos === 'ADV' || token.pos === 'ADJ') {
    for (const base of deriveAdverbBases(lower)) {
      for (const entry of wordTable.get(base) ?? []) if (entry.pos.has('ADV')) return entry;
    }
  }
  return undefined;
}

/** Every token of the text that a word lexicon lists, with its category. */
export function findLexiconHits(ctx: DetectContext): LexiconHit[] {
  const hits: LexiconHit[] = [];
  for (const token of ctx.analysis.tokens) {
    if (token.type !== 'word') continue;
    const entry = matchToken(token, ctx.sentenceStarts.has(token.index));
    if (entry) hits.push({ start: token.start, end: token.end, category: entry.category, lexicon: entry.lexicon });
  }
  return hits;
}
