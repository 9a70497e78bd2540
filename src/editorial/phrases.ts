/**
 * Multi-word patterns (data/lexicons/phrases.json) matched over tokens inside
 * one sentence, on lemma or lower-case text, so "it was important to note"
 * and "sowing new discord" match the same patterns as their base forms.
 */
import type { Token } from '../nlp/index.js';
import phraseFile from '../../data/lexicons/phrases.json' with { type: 'json' };
import { isEditorialCategory, type EditorialCategoryId } from './categories.js';
import { isWord, type DetectContext } from './context.js';
import type { WordForm } from './word-forms.js';

type Slot =
  | { kind: 'word'; words: Set<string>; optional: boolean }
  | { kind: 'pos'; tags: Set<string>; optional: boolean }
  | { kind: 'skip'; max: number };

/** A compiled phrase pattern. */
export interface PhrasePattern {
  category: EditorialCategoryId;
  source: string;
  slots: Slot[];
}

/** A pattern match: the character span and the pattern behind it. */
export interface PhraseHit {
  start: number;
  end: number;
  category: EditorialCategoryId;
  pattern: string;
}

/**
 * Compile one pattern. Syntax: space-separated slots; `a|b` matches lemma or
 * lower-case text; `?` suffix = optional; `<ADJ|PROPN>` matches by POS;
 * `~N` skips up to N tokens.
 */
export function compilePhrase(category: string, pattern: string): PhrasePattern {
  if (!isEditorialCategory(category))
    throw new Error(`editorial: phrase ${JSON.stringify(pattern)} has unknown category ${JSON.stringify(category)}`);
  const slots: Slot[] = pattern
    .trim()
    .split(/\s+/)
    .map((part) => {
      const skip = /^~(\d+)$/.exec(part);
      if (skip) return { kind: 'skip', max: Number(skip[1]) };
      const optional = part.endsWith('?');
      const body = optional ? part.slice(0, -1) : part;
      const pos = /^<([A-Z|]+)>$/.exec(body);
      if (pos) return { kind: 'pos', tags: new Set(pos[1].split('|')), optional };
      if (!/^[\p{L}'’-]+(?:\|[\p{L}'’-]+)*$/u.test(body))
        throw new Error(`editorial: bad slot ${JSON.stringify(part)} in phrase ${JSON.stringify(pattern)}`);
      return { kind: 'word', words: new Set(body.toLowerCase().split('|')), optional };
    });
  if (!slots.some((s) => s.kind === 'word' && !s.optional))
    throw new Error(`editorial: phrase ${JSON.stringify(pattern)} needs at least one required word`);
  return { category, source: pattern, slots };
}

const patterns: PhrasePattern[] = phraseFile.patterns.map((p) => compilePhrase(p.category, p.pattern));

function slotAccepts(slot: Slot, token: Token): boolean {
  if (slot.kind === 'word') {
    const lower = token.text.toLowerCase();
    // wink leaves capitalized plurals unlemmatized ("Palestinians"), so try the singular too
    return (
      slot.words.has(token.lemma) ||
      slot.words.has(lower) ||
      (lower.endsWith('s') && slot.words.has(lower.slice(0, -1)))
    );
  }
  if (slot.kind === 'pos') return isWord(token) && slot.tags.has(token.pos);
  return false;
}

// Backtracking over a handful of slots and a sentence's tokens: patterns are
// short, so this stays linear in practice. Returns the index after the last
// consumed token, or -1.
function matchFrom(slots: Slot[], si: number, tokens: Token[], ti: number, end: number): number {
  if (si === slots.length) return ti;
  const slot = slots[si];
  if (slot.kind === 'skip') {
    for (let k = 0; k <= slot.max && ti + k <= end; k += 1) {
      if (k > 0 && !isWord(tokens[ti + k - 1])) break;
      const r = matchFrom(slots, si + 1, tokens, ti + k, end);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (ti < end && slotAccepts(slot, tokens[ti])) {
    const r = matchFrom(slots, si + 1, tokens, ti + 1, end);
    if (r >= 0) return r;
  }
  return slot.optional ? matchFrom(slots, si + 1, tokens, ti, end) : -1;
}

// A pattern can only match a sentence that holds a word for each of its
// required word slots; checking that first skips most patterns on most
// sentences. Each required slot is one bit of its pattern's mask; every
// form slotAccepts tries for a token (lemma, lower case, lower case less a
// final s) points at the (pattern, bit) pairs its words satisfy, so a
// sentence costs a look-up per token, remembered per word form.
interface PatternIndex {
  /** per pattern, the mask with every required slot's bit */
  full: Uint32Array;
  /** word → pattern, bit, pattern, bit, … */
  byWord: Map<string, number[]>;
  /** a word form's pattern and bit pairs, or null when it satisfies no slot (kept on the form for the shipped list) */
  refs: (t: Token, form: WordForm) => Int32Array | null;
}

const indexes = new WeakMap<readonly PhrasePattern[], PatternIndex>();

function indexPatterns(list: readonly PhrasePattern[]): PatternIndex {
  let index = indexes.get(list);
  if (index) return index;
  const full = new Uint32Array(list.length);
  const byWord = new Map<string, number[]>();
  list.forEach((p, pi) => {
    let bit = 0;
    for (const slot of p.slots) {
      if (slot.kind !== 'word' || slot.optional) continue;
      if (bit === 32) throw new Error(`editorial: phrase ${JSON.stringify(p.source)} has over 32 required words`);
      const mask = 2 ** bit;
      full[pi] |= mask;
      for (const w of slot.words) {
        const refs = byWord.get(w) ?? [];
        refs.push(pi, mask);
        byWord.set(w, refs);
      }
      bit += 1;
    }
  });
  const remembered = new Map<string, Int32Array | null>();
  const refs =
    list === patterns
      ? (t: Token, form: WordForm) =>
          form.phraseRefs === undefined ? (form.phraseRefs = listSlotRefs(byWord, t)) : form.phraseRefs
      : (t: Token) => {
          // another list (tests): remembered by text and lemma for this list only
          const key = `${t.text}\u0000${t.lemma}`;
          let r = remembered.get(key);
          if (r === undefined) {
            if (remembered.size >= 100_000) remembered.clear();
            remembered.set(key, (r = listSlotRefs(byWord, t)));
          }
          return r;
        };
  index = { full, byWord, refs };
  indexes.set(list, index);
  return index;
}

function listSlotRefs(byWord: Map<string, number[]>, t: Token): Int32Array | null {
  const lower = t.text.toLowerCase();
  const keys = new Set([t.lemma, lower]);
  if (lower.endsWith('s')) keys.add(lower.slice(0, -1));
  const out: number[] = [];
  for (const k of keys) {
    const refs = byWord.get(k);
    if (refs) out.push(...refs);
  }
  return out.length ? Int32Array.from(out) : null;
}

/** Find every phrase pattern match, sentence by sentence. */
export function findPhraseHits(ctx: DetectContext, list: PhrasePattern[] = patterns): PhraseHit[] {
  const { tokens, sentences } = ctx.analysis;
  const index = indexPatterns(list);
  const masks = new Uint32Array(list.length);
  const touched: number[] = [];
  const hits: PhraseHit[] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i += 1) {
      const refs = index.refs(tokens[i], ctx.forms[i]);
      if (refs === null) continue;
      for (let r = 0; r < refs.length; r += 2) {
        if (masks[refs[r]] === 0) touched.push(refs[r]);
        masks[refs[r]] |= refs[r + 1];
      }
    }
    if (touched.length === 0) continue;
    // the patterns with every required word, in list order (few, so only they are sorted)
    const complete: number[] = [];
    for (const pi of touched) {
      if (masks[pi] === index.full[pi]) complete.push(pi);
      masks[pi] = 0;
    }
    touched.length = 0;
    if (complete.length === 0) continue;
    const candidates = complete.sort((a, b) => a - b).map((pi) => list[pi]);
    for (let ti = s.tokenStart; ti < s.tokenEnd; ti += 1) {
      if (!isWord(tokens[ti])) continue;
      for (const p of candidates) {
        const after = matchFrom(p.slots, 0, tokens, ti, s.tokenEnd);
        if (after <= ti) continue;
        hits.push({ start: tokens[ti].start, end: tokens[after - 1].end, category: p.category, pattern: p.source });
      }
    }
  }
  return hits;
}
