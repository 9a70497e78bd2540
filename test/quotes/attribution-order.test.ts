import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';

// Attribution resolves each subject once and reuses the answer; these cases
// check that an answer given before the article's speakers were all known is
// not reused once they are.
describe('extractQuotes: descriptions resolved against speakers named later', () => {
  it.each([
    [
      'a wire-style description before the name',
      'The official said the talks had failed. Ahmed Karim, the ministry spokesman, said: “We will return to the table.”',
      'the talks had failed',
      'Ahmed Karim',
      'The official',
    ],
    [
      'a newspaper-style description before the name',
      'A top adviser said the budget was dead. Maria Lopez, the governor’s chief of staff, said: “It will not pass.”',
      'the budget was dead',
      'Maria Lopez',
      'A top adviser',
    ],
    [
      'a description in an earlier paragraph',
      'The spokeswoman said the budget was dead.\n\nMaria Lopez, the governor’s chief of staff, said: “It will not pass.”',
      'the budget was dead',
      'Maria Lopez',
      'The spokeswoman',
    ],
  ])('gives %s the speaker named later in the article', (_case, text, words, speaker, mention) => {
    const q = extractQuotes(text).find((x) => x.text.includes(words));
    expect(q).toMatchObject({ kind: 'indirect', speaker, speakerMention: mention });
  });

  it('resolves the same description the same way however often it is met', () => {
    const text =
      'The official said the talks had failed. Ahmed Karim, the ministry spokesman, said: “We will return.” The official said the delegation was ready.';
    const indirect = extractQuotes(text).filter((q) => q.kind === 'indirect');
    expect(indirect.map((q) => q.speaker)).toEqual(['Ahmed Karim', 'Ahmed Karim']);
  });
});
