import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportPairing, scorePairing } from '../../bench/eval/pairing.js';
import { msrpPath } from '../../bench/eval/pairing-data.js';

const present = existsSync(msrpPath);

describe('pairing quality on msrp/train and our tables', () => {
  it.skipIf(!present)(
    'keeps cross-validated accuracy, F1 and AUC and the misquote figures above their floors',
    () => {
      const result = reportPairing(scorePairing()!);
      expect(result.failures, result.lines.join('\n')).toEqual([]);
    },
    300_000,
  );

  it.runIf(!present)('is skipped: ../shared/dev/msrp/train.jsonl not found', () => {
    expect(present).toBe(false);
  });
});
