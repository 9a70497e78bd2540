/**
 * diff: loaded words a later version puts inside the quotation marks that the
 * earlier version's quote does not have. Pure.
 */
import { analyzeText } from '../nlp/index.js';
import { EDITORIAL_CATEGORIES } from '../editorial/index.js';
import { memoize } from '../memoize.js';
import type { Change, ChangeType } from './change-types.js';

/**
 * A change between two versions of a statement: the change summary's kinds,
 * and `loaded-inside-quote`, loaded words the later version has inside the
 * quotation marks where the earlier version's quote does not (found with the
 * editorial lexicon through the later article's stored suggestions).
 */
export interface ComparedChange extends Omit<Change, 'type'> {
  type: ChangeType | 'loaded-inside-quote';
  /** for loaded-inside-quote: the editorial category of the words */
  category?: string;
}

// Categories that describe the words themselves. Scare quotes and attribution
// verbs sit outside a quotation by definition, and a rhetorical question is a
// whole sentence, so none of them says "loaded words put inside the marks".
const INSIDE_QUOTE_CATEGORIES = new Set([
  'loaded-term',
  'loaded-label',
  'intensifier',
  'doubt',
  'editorial-comment',
  'generalization',
  'puffery',
]);

const categoryNames = new Map(EDITORIAL_CATEGORIES.map((c) => [c.id as string, c.name]));

/** Lemmas and lower-case spellings of a text's words, to test "the earlier quote has this word". */
const wordKeys = memoize(collectWordKeys, 5_000);

function collectWordKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const t of analyzeText(text).tokens) {
    if (t.type !== 'word') continue;
    keys.add(t.lemma.toLowerCase());
    keys.add(t.text.toLowerCase());
  }
  return keys;
}

/**
 * Loaded words the later version has inside its quotation marks that the
 * earlier version's quote does not: editorial spans of the later article that
 * lie inside the later quote and hold at least one content word (not a stop
 * word) missing from the earlier quote, compared by lemma and by spelling. So
 * "Israel previously threatened Iraq" retold as "Israel has already threatened
 * Iraq during the war to destroy the Palestinians" reports "destroy the
 * Palestinians", while a loaded word both versions quote is not reported.
 */
export function findLoadedInsideQuote(
  earlierQuote: string,
  laterQuote: { start: number; end: number },
  laterSpans: readonly { start: number; end: number; text: string; category: string }[],
): ComparedChange[] {
  const inside = laterSpans.filter(
    (s) => s.start >= laterQuote.start && s.end <= laterQuote.end && INSIDE_QUOTE_CATEGORIES.has(s.category),
  );
  if (inside.length === 0) return [];
  const earlier = wordKeys(earlierQuote);
  const changes: ComparedChange[] = [];
  for (const s of inside) {
    const fresh = analyzeText(s.text).tokens.filter(
      (t) => t.type === 'word' && !t.stop && !earlier.has(t.lemma.toLowerCase()) && !earlier.has(t.text.toLowerCase()),
    );
    if (fresh.length === 0) continue;
    const name = categoryNames.get(s.category) ?? s.category;
    changes.push({
      type: 'loaded-inside-quote',
      message: `${name} '${s.text}' inside the quote marks; the earlier version's quote does not have ${fresh.map((t) => `'${t.text}'`).join(', ')}`,
      words: fresh.map((t) => t.text),
      earlier: null,
      later: s.text,
      category: s.category,
    });
  }
  return changes;
}

// The loaded-inside-quote lines go after the changes of meaning (negation,
// figures, dates, moved words) and replace the summary's own "loaded word added
// to the quote" line for the same words, so a word is reported once.
const FIRST_CHANGES = new Set<string>([
  'negation-changed',
  'number-changed',
  'date-changed',
  'moved-out-of-quote',
  'moved-into-quote',
]);

/** The changes of a pair with the loaded-inside-quote lines put in their place. */
export function addLoadedInsideQuote(changes: Change[], inside: ComparedChange[]): ComparedChange[] {
  if (inside.length === 0) return changes;
  const covered = new Set(inside.flatMap((c) => c.words.map((w) => w.toLowerCase())));
  const rest = changes.filter(
    (c) =>
      !(
        c.type === 'loaded-added' &&
        c.message.endsWith('to the quote') &&
        c.words.every((w) => covered.has(w.toLowerCase()))
      ),
  );
  const at = rest.findIndex((c) => !FIRST_CHANGES.has(c.type));
  const cut = at < 0 ? rest.length : at;
  return [...rest.slice(0, cut), ...inside, ...rest.slice(cut)];
}
