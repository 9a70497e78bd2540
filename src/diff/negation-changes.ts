/** diff: negation that changed between two versions of a quote, read from the words a negation governs. */
import type { Token } from '../nlp/index.js';
import { listQuoted as quoted, type Change } from './change-types.js';
import { isContent } from './content-words.js';

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'nowhere',
  'cannot',
  'without',
]);

/**
 * Negation that changed between the quotes. wink marks every token up to the end
 * of a clause as negated, so a flag alone would call "advanced strikes" negated in
 * "cannot withstand the advanced strikes"; we compare the words a negation governs
 * (the first content word or verb after it) against the other version's flags.
 */
export function compareNegation(a: Token[], b: Token[], writtenAs: (t: Token) => string): Change[] {
  const isNegation = (t: Token) => NEGATIONS.has(t.lemma) || NEGATIONS.has(t.text.toLowerCase());
  const heads = (tokens: Token[]) => {
    const found: Token[] = [];
    tokens.forEach((t, i) => {
      if (!isNegation(t)) return;
      const head = tokens.slice(i + 1).find((x) => !isNegation(x) && (isContent(x) || x.pos === 'VERB'));
      // a word past the end of wink's scope ("not, firmly") is not governed by the negation
      if (head?.negated) found.push(head);
    });
    return found;
  };
  const flagOf = (tokens: Token[], lemma: string) => {
    const same = tokens.filter((t) => t.lemma === lemma);
    return same.length === 0 ? undefined : same.some((t) => t.negated);
  };
  const negWords = (tokens: Token[]) => tokens.filter(isNegation).map(writtenAs);
  const lost = heads(a)
    .filter((h) => flagOf(b, h.lemma) === false)
    .map((h) => h.text);
  const gained = heads(b)
    .filter((h) => flagOf(a, h.lemma) === false)
    .map((h) => h.text);
  const wa = negWords(a);
  const wb = negWords(b);
  const changes: Change[] = [];
  if (lost.length > 0 || (gained.length === 0 && wa.length > 0 && wb.length === 0)) {
    changes.push({
      type: 'negation-changed',
      message: lost.length
        ? `Negation dropped: ${quoted(lost)} no longer negated in the later version`
        : `Negation dropped: ${quoted(wa)} no longer in the quote`,
      words: [...wa, ...lost],
      earlier: wa.join(' ') || null,
      later: wb.join(' ') || null,
    });
  }
  if (gained.length > 0 || (lost.length === 0 && wb.length > 0 && wa.length === 0)) {
    changes.push({
      type: 'negation-changed',
      message: gained.length
        ? `Negation added: ${quoted(gained)} negated in the later version`
        : `Negation added: ${quoted(wb)} now in the quote`,
      words: [...wb, ...gained],
      earlier: wa.join(' ') || null,
      later: wb.join(' ') || null,
    });
  }
  return changes;
}
