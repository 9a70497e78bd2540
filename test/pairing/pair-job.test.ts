import { describe, expect, it } from 'vitest';
import { encodeQuoteFeatures } from '../../src/pairing/features-codec.js';
import { prepareCandidate, type CandidateQuote } from '../../src/pairing/pair-job.js';
import { prepareQuote } from '../../src/pairing/index.js';

const row = (id: number, text: string, speaker: string | null = 'Ann Lee'): CandidateQuote => ({
  id,
  articleId: 3,
  text,
  kind: 'full',
  speaker,
  features: encodeQuoteFeatures(prepareQuote(text)),
});

describe('stored candidates prepared once', () => {
  it('gives the same prepared quote back for the same stored row', () => {
    const first = prepareCandidate(row(41, 'We will cut taxes for every family.'), undefined);
    expect(prepareCandidate(row(41, 'We will cut taxes for every family.'), undefined)).toBe(first);
  });

  it('prepares the quote again when its stored row changed under the same id', () => {
    const first = prepareCandidate(row(42, 'We will cut taxes for every family.'), undefined);
    const changed = prepareCandidate(row(42, 'We will raise taxes on the rich.'), undefined);
    expect(changed.features.words).toContain('raise');
    expect(prepareCandidate(row(42, 'We will raise taxes on the rich.', 'Bo Chan'), undefined).quote.speaker).toBe(
      'Bo Chan',
    );
    expect(first.features.words).toContain('cut');
  });
});
