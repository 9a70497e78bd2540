import { describe, expect, it } from 'vitest';
import { detectEditorial, tagText } from '../../src/editorial/index.js';

// Sentences in the plain style of wire copy (AP, Reuters, AFP): facts,
// neutral reporting verbs and named sources. A reviewer should see no flag on
// any of them, including the ones built around words that are loaded in other
// contexts (occupied, claimed, admitted, alleged, Patriot, course, Indeed).
const neutral = [
  'The Pentagon said on Tuesday that about 2,500 U.S. troops remain in Iraq under an agreement with Baghdad.',
  'Protesters occupied a university building in Paris for three hours before police cleared it, officials said.',
  'The group claimed responsibility for the attack in a statement posted on Telegram.',
  'Two people were admitted to hospital with minor injuries, a police spokesperson told reporters.',
  'The alleged gunman was arrested at the scene and charged with murder, according to court documents.',
  'Ukraine said its air defences, including Patriot systems, shot down 12 drones overnight.',
  'Prime Minister Mohammed Shia al-Sudani told Bloomberg that a bilateral committee had reached an agreement.',
  'Of the 40 passengers on board, 12 were taken to a hospital in the city, the fire department said.',
  'The ship changed course after receiving a distress call, the coast guard said.',
  'Asked whether the talks would resume, the spokesman declined to comment.',
  'Oil prices rose 2% on Monday after OPEC+ announced a cut in output.',
  'Reuters could not independently verify the report.',
  'The ministry said 14 soldiers were killed and 30 wounded in the fighting near the border.',
  'Lawmakers voted 52-48 to confirm the nominee, with two Republicans joining Democrats in opposition.',
  'Clearly marked evacuation routes were set up along the coast ahead of the storm, officials said.',
  'The company said it expected the deal to close in the second quarter, subject to regulatory approval.',
  'Police said the man, who was not named, had been released on bail pending further inquiries.',
  'Indeed Inc., the job-listings site, said it would cut 2,200 jobs.',
  'Forces loyal to the government retook the town on Sunday, the army said.',
  'The senator warned that the bill would fail without bipartisan support.',
  'He added that the two sides would meet again in Geneva next month.',
  'Israeli troops have occupied the area since 1967, and talks on its status have stalled.',
  'The central bank held its key rate at 4.5% and said inflation was expected to ease next year.',
  'The suspect admitted the charge of dangerous driving at a hearing on Friday.',
  '"What are we supposed to do now?" asked Maria Lopez, 54, whose house was destroyed in the flood.',
  'What happens next?\nThe council will vote on the plan in March, a spokeswoman said.',
  'The militia said in a statement that it had targeted a base in eastern Syria with drones.',
  'Officials said the withdrawal would be completed by the end of 2026, in line with the agreement.',
];

describe('detectEditorial on neutral wire copy', () => {
  it.each(neutral)('flags nothing in %j', (text) => {
    expect(detectEditorial(text, [])).toEqual([]);
  });
});

describe('tagText on neutral wire copy (with quote extraction)', () => {
  it.each(neutral)('flags nothing in %j', (text) => {
    expect(tagText(text).spans).toEqual([]);
  });
});
