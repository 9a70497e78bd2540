import { describe, expect, it } from 'vitest';
import { mbicPath, reportMbic, scoreMbic } from '../../bench/eval/mbic.js';
import { loadMbic } from '../../bench/eval/mbic.js';

const present = loadMbic() !== null;

describe('editorial quality on MBIC (10-fold cross-validated)', () => {
  it.skipIf(!present)(
    'keeps word F1 and sentence macro F1 above their floors, and above the rules alone',
    () => {
      const scores = scoreMbic()!;
      const report = reportMbic(scores);
      expect(report.failures, report.lines.join('\n')).toEqual([]);
      expect(scores.cv.combined.words.f1).toBeGreaterThan(scores.baseline.words.f1);
      expect(scores.cv.combined.sentenceMacroF1).toBeGreaterThan(scores.baseline.sentenceMacroF1);
    },
    900_000,
  );

  it.runIf(!present)(`is skipped: ${mbicPath} not found`, () => {
    expect(present).toBe(false);
  });
});
