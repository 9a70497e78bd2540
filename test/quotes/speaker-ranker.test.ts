import { describe, expect, it } from 'vitest';
import { CANDIDATE_FEATURES, type Candidate } from '../../src/quotes/speaker-candidates.js';
import {
  SPEAKER_WEIGHTS,
  checkSpeakerWeights,
  chooseSpeaker,
  rankCandidates,
} from '../../src/quotes/speaker-ranker.js';

/** A candidate with the given features set (others 0). */
function candidate(speaker: string, set: Partial<Record<(typeof CANDIDATE_FEATURES)[number], number>>): Candidate {
  return { speaker, mention: speaker, kind: 'person', x: CANDIDATE_FEATURES.map((f) => set[f] ?? 0) };
}

const subject = candidate('Ann Ruiz', {
  sameSentence: 1,
  before: 1,
  logDistance: Math.log1p(4),
  sameParagraph: 1,
  isPerson: 1,
  subjectOfVerb: 1,
  firstInSentence: 1,
  logMentions: Math.log1p(3),
  logTimesSpeaker: Math.log1p(2),
  ruleChoice: 1,
});
const object = candidate('Tom Hale', {
  logDistance: Math.log1p(60),
  previousParagraph: 1,
  isPerson: 1,
  afterPreposition: 1,
  logMentions: Math.log1p(1),
});

describe('the speaker ranker', () => {
  it('loads weights for the features the code computes, with their provenance', () => {
    expect(SPEAKER_WEIGHTS.model.features).toEqual([...CANDIDATE_FEATURES]);
    expect(SPEAKER_WEIGHTS.data).toMatch(/PolNeAR/);
    expect(SPEAKER_WEIGHTS.crossValidation.folds).toBe(5);
    expect(() =>
      checkSpeakerWeights({ ...SPEAKER_WEIGHTS, model: { ...SPEAKER_WEIGHTS.model, features: ['x'] } }),
    ).toThrow(/npm run train speakers/);
  });

  it('ranks the subject of the sentence above a name in the paragraph before', () => {
    expect(rankCandidates([object, subject])?.candidate.speaker).toBe('Ann Ruiz');
    expect(chooseSpeaker([object, subject])?.speaker).toBe('Ann Ruiz');
  });

  it('names nobody from a lone distant object of a preposition', () => {
    expect(chooseSpeaker([object])).toBeNull();
  });

  it('names nobody without candidates', () => {
    expect(chooseSpeaker([])).toBeNull();
  });
});
