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
import type { WordForm } from './word-forms.js';

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

/** A word lexicon entry: its category, its file and the parts of speech it takes. */
export interface LexiconEntry {
  category: EditorialCategoryId;
  lexicon: string;
  pos: Set<string>;
}

const POS_TAGS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

/** Build the lemma → entries table from lexicon files, checking their shape. */
export function buildWordTable(files: Record<string, WordLexicon>): Map<string, LexiconEntry[]> {
  const table = new Map<string, LexiconEntry[]>();
  for (const [name, file] of Object.entries(files)) {
    if (!isEditorialCategory(file.category))
      throw new Error(`editorial: lexicon ${name} has unknown category ${JSON.stringify(file.category)}`);
    if (!file.source) throw new Error(`editorial: lexicon ${name} has no source`);
    for (const [lemma, pos] of Object.entries(file.words)) {
      const bad = pos.filter((p) => !POS_TAGS.has(p));
      if (bad.length)
        throw new Error(
          `editorial: lexicon ${name} entry ${JSON.stringify(lemma)} has unknown POS ${JSON.stringify(bad)}`,
        );
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

/** Every word of the word lexicons with its category (compounds included). */
export function listLexiconWords(): { word: string; category: EditorialCategoryId }[] {
  const out: { word: string; category: EditorialCategoryId }[] = [];
  for (const [word, entries] of wordTable) out.push({ word, category: entries[0].category });
  return out;
}

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
  // short stems are other words that happen to end in -ly (rally, belly)
  return bases.filter((b) => b.length >= 4);
}

// wink tags participles used as modifiers as ADJ ("trampled") and capitalizes
// sentence-initial words into PROPN, so a part of speech is accepted when the
// token could plausibly be that word class; a capitalized word inside a
// sentence stays a name ("Patriot missiles", "Mr. Savage"). `properOk`: the
// token is a PROPN that may stand for a common word here (see matchForm).
function fitsPos(token: Token, pos: string, properOk: boolean): boolean {
  switch (pos) {
    case 'NOUN':
      return token.pos === 'NOUN' || properOk;
    case 'VERB':
      return token.pos === 'VERB' || (token.pos === 'ADJ' && /(?:ed|en|ing|t)$/i.test(token.text)) || properOk;
    case 'ADJ':
      return (
        token.pos === 'ADJ' ||
        (token.pos === 'VERB' && /(?:ed|ing)$/i.test(token.text)) ||
        token.pos === 'NOUN' ||
        properOk
      );
    default:
      return false;
  }
}

// The entry a word form matches. `initialCommon`: the token opens a sentence
// and heads no name, so a capital there proves nothing; a PROPN written in
// lower case is a common word too.
function matchForm(token: Token, initialCommon: boolean): LexiconEntry | null {
  const lower = token.text.toLowerCase();
  const properOk = token.pos === 'PROPN' && (initialCommon || token.text === lower);
  for (const key of token.lemma === lower ? [lower] : [token.lemma, lower]) {
    for (const entry of wordTable.get(key) ?? []) {
      for (const pos of entry.pos) if (pos !== 'ADV' && fitsPos(token, pos, properOk)) return entry;
    }
  }
  if (token.lemma === lower) {
    for (const base of deriveInflectionBases(lower)) {
      for (const entry of wordTable.get(base) ?? []) {
        for (const pos of entry.pos)
          if ((pos === 'VERB' || pos === 'NOUN') && fitsPos(token, pos, properOk)) return entry;
      }
    }
  }
  if (token.pos === 'ADV' || token.pos === 'ADJ') {
    for (const base of deriveAdverbBases(lower)) {
      for (const entry of wordTable.get(base) ?? []) if (entry.pos.has('ADV')) return entry;
    }
  }
  return null;
}

// A form's entry depends on the sentence only for a PROPN at a sentence start, hence two answers per form.
function matchToken(
  token: Token,
  form: WordForm,
  sentenceInitial: boolean,
  next: Token | undefined,
): LexiconEntry | null {
  if (token.pos === 'PROPN' && sentenceInitial) {
    // at a sentence start a capital proves nothing, unless the word heads a name ("Patriot batteries")
    const headsName = next !== undefined && (next.pos === 'PROPN' || next.pos === 'NOUN') && next.space !== '';
    if (!headsName)
      return form.initialLexicon === undefined ? (form.initialLexicon = matchForm(token, true)) : form.initialLexicon;
  }
  return form.lexicon === undefined ? (form.lexicon = matchForm(token, false)) : form.lexicon;
}

/**
 * Candidate base forms of a word, for when wink's lemmatizer leaves an
 * inflected verb or plural as it is (fumed → fume, slams → slam,
 * trapped → trap).
 */
export function deriveInflectionBases(word: string): string[] {
  const w = word.toLowerCase();
  const bases: string[] = [];
  if (w.endsWith('ied')) bases.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) bases.push(w.slice(0, -2), w.slice(0, -1));
  if (/([b-df-hj-np-tv-z])\1ed$/.test(w)) bases.push(w.slice(0, -3));
  if (w.endsWith('ing')) bases.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('ies')) bases.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) bases.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) bases.push(w.slice(0, -1));
  return bases.filter((b) => b.length >= 3);
}

/** Every token of the text that a word lexicon lists, with its category. */
export function findLexiconHits(ctx: DetectContext): LexiconHit[] {
  const { tokens } = ctx.analysis;
  const hits: LexiconHit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.type !== 'word') continue;
    const compound = matchCompound(tokens, i);
    if (compound) {
      hits.push({
        start: token.start,
        end: tokens[compound.last].end,
        category: compound.entry.category,
        lexicon: compound.entry.lexicon,
      });
      i = compound.last;
      continue;
    }
    const entry = matchToken(token, ctx.forms[i], ctx.sentenceStarts[i] === 1, tokens[i + 1]);
    if (entry) hits.push({ start: token.start, end: token.end, category: entry.category, lexicon: entry.lexicon });
  }
  return hits;
}

// wink splits hyphenated words (so-called → so, -, called); rebuild the
// compound from tokens joined by hyphens with no space and look it up whole.
// Compounds are unambiguous, so their part of speech is not checked.
function matchCompound(tokens: Token[], i: number): { entry: LexiconEntry; last: number } | undefined {
  let text: string | undefined;
  let last = i;
  let found: { entry: LexiconEntry; last: number } | undefined;
  while (
    last + 2 < tokens.length &&
    tokens[last + 1].text === '-' &&
    tokens[last + 1].space === '' &&
    tokens[last + 2].space === '' &&
    tokens[last + 2].type === 'word'
  ) {
    text = `${text ?? tokens[i].text.toLowerCase()}-${tokens[last + 2].text.toLowerCase()}`;
    last += 2;
    const entry = wordTable.get(text)?.[0];
    if (entry) found = { entry, last };
  }
  return found;
}
