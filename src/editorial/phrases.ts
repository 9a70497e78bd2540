/**
 * Multi-word patterns (data/lexicons/phrases.json) matched over tokens inside
 * one sentence, on lemma or lower-case text, so "it was important to note"
 * and "sowing new discord" match the same patterns as their base forms.
 */
import type { Token } from '../nlp/index.js';
import phraseFile from '../../data/lexicons/phrases.json' with { type: 'json' };
import { isEditorialCategory, type EditorialCategoryId } from './categories.js';
import { isWord, type DetectContext } from './context.js';

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
// sentences. `keys` holds every form slotAccepts tries for the sentence's
// tokens, so the check is a few set look-ups per pattern.
function canMatch(p: PhrasePattern, keys: Set<string>): boolean {
  return p.slots.every((slot) => {
    if (slot.kind !== 'word' || slot.optional) return true;
    for (const w of slot.words) if (keys.has(w)) return true;
    return false;
  });
}

function collectKeys(tokens: Token[], from: number, to: number): Set<string> {
  const keys = new Set<string>();
  for (let i = from; i < to; i += 1) {
    const t = tokens[i];
    const lower = t.text.toLowerCase();
    keys.add(t.lemma);
    keys.add(lower);
    if (lower.endsWith('s')) keys.add(lower.slice(0, -1));
  }
  return keys;
}

/** Find every phrase pattern match, sentence by sentence. */
export function findPhraseHits(ctx: DetectContext, list: PhrasePattern[] = patterns): PhraseHit[] {
  const { tokens, sentences } = ctx.analysis;
  const hits: PhraseHit[] = [];
  for (const s of sentences) {
    const keys = collectKeys(tokens, s.tokenStart, s.tokenEnd);
    const candidates = list.filter((p) => canMatch(p, keys));
    if (candidates.length === 0) continue;
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
