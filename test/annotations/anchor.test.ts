import { describe, expect, it } from 'vitest';
import { allowedDistance, describeSpan, findApproximate, reanchor } from '../../src/annotations/anchor.js';

const original =
  'Officials said the bridge would reopen in March. The mayor called the delay "completely unacceptable" and promised an inquiry. ' +
  'Residents said the delay was costly.';

function anchorOf(text: string, words: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(words, at + 1);
  return describeSpan(text, at, at + words.length);
}

describe('describeSpan', () => {
  it('keeps the exact words and up to 32 characters either side', () => {
    const a = anchorOf(original, 'completely unacceptable');
    expect(a.prefix).toBe(original.slice(a.start - 32, a.start));
    expect(a.suffix).toBe(original.slice(a.end, a.end + 32));
    expect(describeSpan('short text', 0, 5)).toEqual({ start: 0, end: 5, exact: 'short', prefix: '', suffix: ' text' });
  });

  it.each([
    [-1, 3],
    [3, 3],
    [0, 99],
    [1.5, 3],
  ])('refuses the span %d–%d', (start, end) => {
    expect(() => describeSpan('short text', start, end)).toThrow(/annotations:/);
  });
});

describe('reanchor', () => {
  it.each([
    ['the same text', original, 'unchanged'],
    ['a sentence added before', `Updated at noon. ${original}`, 'moved'],
    [
      'the sentence moved to the end',
      'Officials said the bridge would reopen in March. Residents said the delay was costly. The mayor called the delay "completely unacceptable" and promised an inquiry.',
      'moved',
    ],
  ])('finds the exact words after %s', (_name, newText, status) => {
    const anchor = anchorOf(original, 'completely unacceptable');
    const r = reanchor(anchor, newText);
    expect(r.status).toBe(status);
    expect(newText.slice(r.start, r.end)).toBe('completely unacceptable');
    expect(r).toMatchObject(describeSpan(newText, r.start, r.end));
  });

  it('picks the occurrence whose context matches, not the first one', () => {
    // "the delay" occurs twice; the annotation is on the second
    const anchor = anchorOf(original, 'the delay', 1);
    const newText = `Note. ${original}`;
    const r = reanchor(anchor, newText);
    expect(r.start).toBe(anchorOf(newText, 'the delay', 1).start);
  });

  it('picks the occurrence nearest the old position when contexts tie', () => {
    const text = 'ok. ok. ok. ok.';
    const anchor = { start: 8, end: 10, exact: 'ok', prefix: '', suffix: '' };
    expect(reanchor(anchor, text).start).toBe(8);
  });

  it.each([
    ['a dropped letter', 'completly unacceptable', 'fuzzy'],
    ['a changed letter', 'completely unaccaptable', 'fuzzy'],
    ['a short inserted word', 'completely so unacceptable', 'fuzzy'],
    ['a long inserted phrase', 'completely and utterly, totally unacceptable', 'orphaned'],
  ])('after %s the words are found by approximate match or orphaned', (_name, replacement, status) => {
    const anchor = anchorOf(original, 'completely unacceptable');
    const newText = original.replace('completely unacceptable', replacement);
    const r = reanchor(anchor, newText);
    expect(r.status).toBe(status);
    if (status === 'fuzzy') expect(newText.slice(r.start, r.end)).toBe(replacement);
    else expect(r).toMatchObject(anchor);
  });

  it('orphans the annotation when its words are gone, keeping its old place and words', () => {
    const anchor = anchorOf(original, 'completely unacceptable');
    const newText = original.replace('"completely unacceptable"', 'regrettable');
    expect(reanchor(anchor, newText)).toEqual({ status: 'orphaned', ...anchor });
  });

  it('does not fuzzy-match very short quotes', () => {
    const anchor = anchorOf(original, 'March');
    expect(reanchor(anchor, original.replace('March', 'April')).status).toBe('orphaned');
  });

  it('finds the words in a long text where the prefix survives far from the old position', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(300);
    const anchor = anchorOf(original, 'completely unacceptable');
    const newText = filler + original.replace('completely', 'completly');
    const r = reanchor(anchor, newText);
    expect(r.status).toBe('fuzzy');
    expect(r.start).toBe(newText.indexOf('completly unacceptable'));
  });
});

describe('findApproximate', () => {
  it.each([
    ['kitten', 'the sitting cat', 2, 'sitting'.length - 1],
    ['bridge', 'a bridges far', 1, 6],
  ])('finds %s in %s', (pattern, text, k, length) => {
    const hit = findApproximate(pattern, text, 0, text.length, k, 0);
    expect(hit).toBeDefined();
    expect(hit!.end - hit!.start).toBe(length);
    expect(hit!.distance).toBeLessThanOrEqual(k);
  });

  it('gives nothing beyond the allowed distance', () => {
    expect(findApproximate('kitten', 'a dog', 0, 5, 2, 0)).toBeUndefined();
  });
});
