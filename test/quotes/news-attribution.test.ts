import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';

function speakerOf(text: string, words: string): string | null {
  const q = extractQuotes(text).find((x) => x.kind !== 'indirect' && x.text.includes(words));
  if (!q) throw new Error(`no quote containing "${words}"`);
  return q.speaker;
}

describe('speakers in US political news styles', () => {
  it.each([
    [
      'mixed straight and curly marks',
      'The vote was close.\n\n"I don’t think it matters,” Grassley said.',
      'matters',
      'Grassley',
    ],
    [
      'a mistyped closing mark',
      'The vote was close.\n\n“It is unusual,“ said Larry Noble, an attorney.',
      'unusual',
      'Larry Noble',
    ],
    [
      'a plural possessive in the appositive',
      '“We are on pace,” Jeff Weaver, Sanders’ campaign manager, said in a statement.',
      'on pace',
      'Jeff Weaver',
    ],
    ['a title and a state', '“We should debate it,” said Sen. Tom Carper of Delaware.', 'debate', 'Tom Carper'],
    [
      'a party and state tag',
      'The vote was close.\n\n"It reminds us," Sen. Marco Rubio (R-Fla.) said Saturday night.',
      'reminds',
      'Marco Rubio',
    ],
    [
      'a surname the tagger reads as a verb',
      'The vote was close.\n\n“You have to suspend disbelief,” Ward said.',
      'suspend',
      'Ward',
    ],
    [
      'a resident described before the name',
      'The vote was close.\n\n"I can’t vote for him," said Concord resident Whit Symms.',
      'vote for him',
      'Whit Symms',
    ],
    [
      'a speaker before the quote and several verbs',
      'The debate went on.\n\nHarlan Brooks stormed back, leaned in and said, “You are wrong.”',
      'You are wrong',
      'Harlan Brooks',
    ],
    [
      'a verb that is no cue verb, before a colon',
      'The debate went on.\n\nThe governor, Ann Ruiz, met voters. Ruiz continued: “We will win.”',
      'We will win',
      'Ann Ruiz',
    ],
    [
      'according to',
      'The vote was close.\n\nAccording to Politico, “the count will take days.”',
      'count will take',
      'Politico',
    ],
    [
      'an inverted verb first',
      'The vote was close.\n\nStated Roger Stone: “The stakes are high.”',
      'stakes are high',
      'Roger Stone',
    ],
    [
      'a name alone before a colon',
      'Polls were wrong.\n\nCarl Bialik: “Keep on contacting voters.”',
      'Keep on contacting',
      'Carl Bialik',
    ],
    [
      'the paragraph before ending in a colon',
      'The vote was close.\n\nDr. Kelli Ward stated:\n\n“The department has lost its way.”',
      'lost its way',
      'Kelli Ward',
    ],
    [
      'a first name for the full name',
      'Representative Peter Lang spoke first.\n\n“We will vote no,” Peter said.',
      'vote no',
      'Peter Lang',
    ],
    ['shot back', 'Ann Ruiz attacked him.\n\n“She is wrong,” Tom Hale shot back.', 'She is wrong', 'Tom Hale'],
    ['a country as its government', 'Talks stalled.\n\n“We will respond,” Israel said.', 'We will respond', 'Israel'],
    [
      'the subject of a sentence with no cue verb',
      'The race tightened.\n\nAnn Ruiz blamed the count for “a rigged result” in a post on Tuesday.',
      'a rigged result',
      'Ann Ruiz',
    ],
    [
      'a possessive before the quote',
      'The plan stalled.\n\nIt was the pull of Tom Hale’s “if you like your plan, you can keep it” promise.',
      'you can keep it',
      'Tom Hale',
    ],
    [
      'the sentence subject, not a name nearer the quote',
      'The race tightened.\n\nTom Hale told Ledger readers that Ann Ruiz “had a crazy policy” on trade.',
      'crazy policy',
      'Tom Hale',
    ],
    [
      'a speech verb the tagger reads as a noun',
      'The race tightened.\n\n“It was very different,” Conway notes.',
      'very different',
      'Conway',
    ],
    [
      'a first name the tagger reads as a verb',
      'The race tightened.\n\n“It is expensive,” said Will Doyle, a professor at Vanderbilt University.',
      'expensive',
      'Will Doyle',
    ],
    [
      'a party and state tag between commas',
      'The hearing ended.\n\nSen. Ron Johnson, R-Wis., said in an op-ed, “The department failed.”',
      'department failed',
      'Ron Johnson',
    ],
    [
      'a day between the subject and the verb',
      'The talks went on.\n\nPriebus later Thursday told Fox News: “Both men are meeting.”',
      'Both men',
      'Priebus',
    ],
    [
      'a dash and a name after the quote',
      'The debate went on.\n\n“Big companies pay zero taxes.” - Sanders.',
      'zero taxes',
      'Sanders',
    ],
    [
      'a signature in the next paragraph',
      'Quotable.\n\n“The whole idea is wrong.”\n\n—Michelle Marks, Philadelphia.',
      'whole idea',
      'Michelle Marks',
    ],
    ['as someone put it', 'It was odd.\n\nAs Vulture put it, “Hello, it is the Biebs.”', 'Biebs', 'Vulture'],
    [
      'a possessive before an inverted subject',
      'Polls closed.\n\n“We have a path,” added his campaign manager Jeff Weaver, speaking to reporters.',
      'a path',
      'Jeff Weaver',
    ],
  ])('names the speaker with %s', (_case, text, words, speaker) => {
    expect(speakerOf(text, words)).toBe(speaker);
  });

  it.each([
    [
      'an indefinite description after a named speaker',
      '“We will win,” said Ann Ruiz.\n\n“That can go a long way,” said a senior Cruz adviser.',
      'a long way',
    ],
    ['an anonymous source', '“We will win,” said Ann Ruiz.\n\n“Nobody cares,” the insider said.', 'Nobody cares'],
    [
      'a headline in title case',
      'Jeb Bush Hits Marco Rubio Over Votes\n\n“Nobody cares,” the insider said.',
      'Nobody cares',
    ],
    [
      'a state in the sentence',
      'Polls opened.\n\nIn New Hampshire, the mood was “electric and tense” all day.',
      'electric and tense',
    ],
  ])('borrows no name for %s', (_case, text, words) => {
    expect(speakerOf(text, words)).toBeNull();
  });
});
