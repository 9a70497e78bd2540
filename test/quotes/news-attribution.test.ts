import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';

function speakerOf(text: string, words: string): string | null {
  const q = extractQuotes(text).find((x) => x.kind !== 'indirect' && x.text.includes(words));
  if (!q) throw new Error(`no quote containing "${words}"`);
  return q.speaker;
}

describe('speakers in US political news styles', () => {
  it.each([
    ['mixed straight and curly marks', 'The vote was close.\n\n"I don’t think it matters,” Grassley said.', 'matters', 'Grassley'],
    ['a mistyped closing mark', 'The vote was close.\n\n“It is unusual,“ said Larry Noble, an attorney.', 'unusual', 'Larry Noble'],
    ['a plural possessive in the appositive', '“We are on pace,” Jeff Weaver, Sanders’ campaign manager, said in a statement.', 'on pace', 'Jeff Weaver'],
    ['a title and a state', '“We should debate it,” said Sen. Tom Carper of Delaware.', 'debate', 'Tom Carper'],
    ['a party and state tag', 'The vote was close.\n\n"It reminds us," Sen. Marco Rubio (R-Fla.) said Saturday night.', 'reminds', 'Marco Rubio'],
    ['a surname the tagger reads as a verb', 'The vote was close.\n\n“You have to suspend disbelief,” Ward said.', 'suspend', 'Ward'],
    ['a resident described before the name', 'The vote was close.\n\n"I can’t vote for him," said Concord resident Whit Symms.', 'vote for him', 'Whit Symms'],
  ])('names the speaker with %s', (_case, text, words, speaker) => {
    expect(speakerOf(text, words)).toBe(speaker);
  });
});
