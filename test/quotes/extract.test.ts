import { describe, expect, it } from 'vitest';
import { extractQuotes, type Quote } from '../../src/quotes/index.js';
import { analyzeText } from '../../src/nlp/index.js';

function extract(text: string): Quote[] {
  return extractQuotes(text, analyzeText(text));
}

function direct(text: string): Quote[] {
  return extract(text).filter((q) => q.kind !== 'indirect');
}

function quoteWith(quotes: Quote[], words: string): Quote {
  const q = quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote containing "${words}" in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

describe('extractQuotes: direct quotations and their marks', () => {
  it.each([
    [
      'curly quotes (AP style)',
      'Mayor Jane Okafor spoke on Monday.\n\n“We will not back down,” Okafor told The Associated Press.',
      'We will not back down,',
    ],
    [
      'straight quotes (Reuters style)',
      '"The talks were constructive," Foreign Minister Anna Lindqvist said in a statement.',
      'The talks were constructive,',
    ],
    ['guillemets', '«We are ready to talk», said Omar Haddad, a spokesman for the coalition.', 'We are ready to talk'],
    ['German-style marks', 'The minister said: „We will manage this.“ Then she left.', 'We will manage this.'],
  ])('finds the text inside %s, without the marks', (_style, text, inside) => {
    const quotes = direct(text);
    expect(quotes.map((q) => q.text)).toContain(inside);
    const q = quoteWith(quotes, inside);
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('keeps single quotes nested in double quotes inside the outer quotation', () => {
    const quotes = direct('“He told me ‘never again’ and he meant it,” said Ruth Calder.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('He told me ‘never again’ and he meant it,');
    expect(quotes[0].speaker).toBe('Ruth Calder');
  });

  it.each([
    ['guillemets around a party name', 'Members of the «Free Coast» alliance met on Sunday.'],
    ['guillemets around a prefixed name', 'A representative of the «al-Nujaba» movement was present.'],
    ['quote marks around an organisation', 'The “Northern Shield Brigade” withdrew from the town.'],
  ])('does not report %s as a quotation', (_case, text) => {
    expect(direct(text)).toEqual([]);
  });

  it.each([
    ['possessives and contractions', 'Iraq’s leaders don’t agree, and the jihadists’ claims were rejected.'],
    ['straight apostrophes', "The council's vote wasn't close."],
    ['no marks at all', 'The committee met for three hours and adjourned without a vote.'],
  ])('finds no quotation in %s', (_case, text) => {
    expect(direct(text)).toEqual([]);
  });

  it('keeps a quotation that runs over two paragraphs as two parts of one quotation', () => {
    const text =
      'Gary Pembleton, a housing campaigner, said his tenants had vanished.\n\nSpeaking to the Daily Star, the campaigner said: “I have never seen anything like it.\n\n“They left the place in ruins and vanished overnight.”';
    const quotes = direct(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[0].group).toBe(quotes[1].group);
    expect(quotes.map((q) => q.kind)).toEqual(['full', 'full']);
    expect(quotes.map((q) => q.speaker)).toEqual(['Gary Pembleton', 'Gary Pembleton']);
    expect(quotes[0].outlet).toBe('Daily Star');
  });

  it('ends a quotation whose closing mark never comes at the paragraph end', () => {
    const text =
      '“This is the end of an era, the coach said after the match.\n\nThe club confirmed the news on Friday.';
    const quotes = direct(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('This is the end of an era, the coach said after the match.');
  });

  it('links the two parts of a quotation interrupted by its attribution', () => {
    const quotes = direct('“On the one hand,” Khalid Nasser said, “we welcome the offer.”');
    expect(quotes.map((q) => q.text)).toEqual(['On the one hand,', 'we welcome the offer.']);
    expect(quotes[0].group).toBe(quotes[1].group);
    expect(quotes[1].kind).toBe('full');
    expect(quotes.map((q) => q.speaker)).toEqual(['Khalid Nasser', 'Khalid Nasser']);
  });

  it('separates an outlet name glued to an opening mark and keeps the speaker', () => {
    const quotes = direct(
      '“We were not consulted,” said council leader Mary Byrne. Reuters“Nobody asked us anything.”',
    );
    const second = quoteWith(quotes, 'Nobody asked');
    expect(second.text).toBe('Nobody asked us anything.');
    expect(second.speaker).toBe('Mary Byrne');
    expect(second.outlet).toBe('Reuters');
  });

  it('gives different quotations in one paragraph their own groups', () => {
    const quotes = direct('“Prices will fall,” Lena Marsh said. “But not before winter.”');
    expect(quotes).toHaveLength(2);
    expect(quotes[0].group).not.toBe(quotes[1].group);
    expect(quotes[1].speaker).toBe('Lena Marsh');
  });
});

describe('extractQuotes: kinds', () => {
  it.each([
    ['a quoted sentence', '“The vote was rigged from the start,” said Paul Weller.', 'The vote was rigged', 'full'],
    [
      'a fragment woven into the sentence (BBC style)',
      'The prime minister, Helen Carter, said the plan would deliver “real and lasting change” for families.',
      'real and lasting change',
      'partial',
    ],
    ['a single distancing word', 'Under the banner of fighting “terrorism,” the army moved in.', 'terrorism', 'scare'],
    ['a label after a naming verb', 'Locals nicknamed the prison “The Cage” long ago.', 'The Cage', 'scare'],
    ['a so-called label', 'The so-called “reforms” were never passed.', 'reforms', 'scare'],
    ['a one-word qualifier', 'Officials announced a “temporary” closure of the bridge.', 'temporary', 'scare'],
  ])('classifies %s', (_case, text, words, kind) => {
    expect(quoteWith(direct(text), words).kind).toBe(kind);
  });

  it('gives a scare quote the speaker whose cue verb stands before it in its sentence', () => {
    // the word in marks is the minister's own (PolNeAR annotates such words as his quotation)
    const q = quoteWith(direct('Minister Ivo Laska said the “transition” period was over.'), 'transition');
    expect(q.kind).toBe('scare');
    expect(q.speaker).toBe('Ivo Laska');
  });

  it('gives a scare quote with no cue verb before it no speaker', () => {
    const q = quoteWith(
      direct('Minister Ivo Laska spoke first. The so-called “transition” period was over.'),
      'transition',
    );
    expect(q.kind).toBe('scare');
    expect(q.speaker).toBeNull();
  });
});

describe('extractQuotes: indirect speech', () => {
  it.each([
    [
      'said that',
      'Police Chief Dana Ortiz said that the suspect had fled the state.',
      'the suspect had fled the state',
      'Dana Ortiz',
      'said',
    ],
    [
      'said without that',
      'Dana Ortiz spoke first. Ortiz said the investigation was continuing.',
      'the investigation was continuing',
      'Dana Ortiz',
      'said',
    ],
    [
      'an organisation that stated',
      'The ministry stated that exports had fallen sharply.',
      'exports had fallen sharply',
      'ministry',
      'stated',
    ],
    [
      'a speaker who warned',
      'Union leader Rosa Banks warned that the strike would spread to the ports.',
      'the strike would spread to the ports',
      'Rosa Banks',
      'warned',
    ],
  ])('takes the reported clause after %s', (_case, text, clause, speaker, cue) => {
    const q = extract(text).find((x) => x.kind === 'indirect');
    expect(q?.text).toBe(clause);
    expect(q?.speaker).toBe(speaker);
    expect(q?.cue).toBe(cue);
  });

  it('does not treat a verb of saying followed by a preposition as reported speech', () => {
    expect(extract('The company said in a statement on Friday.').filter((q) => q.kind === 'indirect')).toEqual([]);
  });
});

describe('extractQuotes: speakers, cues and outlets', () => {
  it.each([
    [
      'a pronoun',
      'Senator Paul Weller spoke after the vote. “This bill is dead,” he said.',
      'This bill',
      'Paul Weller',
      'said',
    ],
    [
      'a description',
      'Amir Rahimi, a senior official in the interior ministry, met reporters. “We are investigating,” the official said.',
      'We are investigating',
      'Amir Rahimi',
      'said',
    ],
    [
      'a surname alone',
      'Lucia Ferro won the vote on Sunday. “I am grateful,” Ferro said.',
      'I am grateful',
      'Lucia Ferro',
      'said',
    ],
    [
      'a title that is not part of the name',
      '“We need calm,” said President Maria Duarte.',
      'We need calm',
      'Maria Duarte',
      'said',
    ],
    ['military ranks', '“The base is secure,” Army Maj. Gen. Tom Hale said.', 'The base', 'Tom Hale', 'said'],
    [
      'a manner adverb in the cue',
      '“We will never leave,” the commander declared firmly. Commander Idris Wolde had arrived.',
      'We will never leave',
      null,
      'declared firmly',
    ],
    [
      'an organisation',
      '“We reject these claims entirely,” the Northern Alliance Party said in a statement.',
      'We reject',
      'Northern Alliance Party',
      'said',
    ],
    [
      'a group that claimed, as “they”',
      'The Harbour Workers Union called a strike. In a statement, they claimed that managers had “ignored every warning” for months.',
      'ignored every warning',
      'Harbour Workers Union',
      'claimed',
    ],
    [
      'a cue verb before the quote',
      'Speaking to CNN, Ana Silva said: “We are safe now.”',
      'We are safe',
      'Ana Silva',
      'said',
    ],
  ])('resolves %s', (_case, text, words, speaker, cue) => {
    const q = quoteWith(direct(text), words);
    if (speaker !== null) expect(q.speaker).toBe(speaker);
    expect(q.cue).toBe(cue);
  });

  it.each([
    ['told the outlet', '“It was a mistake,” Tom Reyes told the BBC.', 'BBC'],
    ['speaking to the outlet', 'Speaking to CNN, Ana Silva said: “We are safe now.”', 'CNN'],
    ['the outlet reported', '“Nothing has changed,” Reyes said, Newsweek reported.', 'Newsweek'],
  ])('names the outlet when the speaker %s', (_case, text, outlet) => {
    expect(direct(text)[0].outlet).toBe(outlet);
  });

  it('continues the speaker into a standalone quote paragraph that follows', () => {
    const text =
      'Omar Haddad leads the delegation.\n\n“Prices will fall,” Haddad told Reuters.\n\n“But not before winter.”';
    const quotes = direct(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Omar Haddad', 'Omar Haddad']);
  });

  it('does not carry a speaker into a quote paragraph after narration', () => {
    const text =
      '“Prices will fall,” Omar Haddad told Reuters.\n\nThe markets closed lower on Friday.\n\n“Nobody saw it coming.”';
    expect(quoteWith(direct(text), 'Nobody').speaker).toBeNull();
  });

  it('resolves a description before any name to the person quoted next (tabloid lede)', () => {
    const text =
      'Troops will come home “in coffins” unless the talks succeed, the head of one of the militias warned.\nSheikh Karim al-Obeidi, leader of the group, insisted the demand was final.';
    const q = quoteWith(direct(text), 'in coffins');
    expect(q.kind).toBe('partial');
    expect(q.speaker).toBe('Karim al-Obeidi');
    expect(q.speakerMention).toBe('the head of one of the militias');
  });
});
