/** retold verdict, run as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db.js';
import { createUser } from '../../src/corpus/users.js';
import { projectRoot } from '../../src/paths.js';
import { importSamples } from '../helpers/report-fixture.js';

function retold(args: string[], db: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, RETOLD_DB: db, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('retold verdict', () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'retold-verdict-')), 'v.sqlite');
  let pairId = 0;
  beforeAll(() => {
    const db = openDatabase(dbPath);
    importSamples(db, ['000', '001']);
    createUser(db, 'ana', 'correct horse battery', 'reviewer');
    createUser(db, 'ben', 'correct horse battery', 'reviewer');
    createUser(db, 'val', 'correct horse battery', 'viewer');
    pairId = (
      db
        .prepare(
          "SELECT p.id FROM pairs p JOIN quotes q ON q.id = p.quote_b WHERE q.text LIKE 'We know that the occupiers%' OR q.text LIKE '%occupying American forces%' LIMIT 1",
        )
        .get() as { id: number }
    ).id;
    db.close();
  });

  it('gives a verdict, has it second-reviewed by someone else, and shows the history', () => {
    let r = retold(
      [
        'verdict',
        'give',
        String(pairId),
        '--rating',
        'distorted',
        '--rationale',
        'The occupying American forces became "the occupiers".',
        '--user',
        'ana',
        '--needs-second-review',
      ],
      dbPath,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      state: 'verdict-given',
      verdict: { ratingId: 'distorted', reviewerName: 'ana', needsSecondReview: true },
    });
    r = retold(['verdict', 'second-review', String(pairId), '--user', 'ana'], dbPath);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/someone else/);
    r = retold(['verdict', 'assign', String(pairId), '--to', 'ben', '--user', 'ana'], dbPath);
    expect(r.code).toBe(0);
    r = retold(['verdict', 'list', '--assignee', 'ben'], dbPath);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    r = retold(['verdict', 'second-review', String(pairId), '--user', 'ben', '--note', 'Agreed.'], dbPath);
    expect(r.code).toBe(0);
    r = retold(['verdict', 'show', String(pairId)], dbPath);
    const shown = JSON.parse(r.stdout);
    expect(shown.state).toBe('second-review-done');
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual([
      'confirm',
      'verdict',
      'assign',
      'second-review',
    ]);
    r = retold(['export', '--format', 'claimreview'], dbPath, {
      RETOLD_PUBLIC_URL: 'https://checks.example.org',
      RETOLD_CLAIMREVIEW_AUTHOR: 'Checks Org',
    });
    expect(r.code).toBe(0);
    const [review] = JSON.parse(r.stdout);
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      author: { name: 'Checks Org' },
      reviewRating: { alternateName: 'Distorted' },
      url: `https://checks.example.org/verdicts/${shown.verdict.id}`,
    });
  }, 240_000);

  it('refuses viewers, unknown pairs and bad usage with the documented exit codes', () => {
    expect(
      retold(['verdict', 'give', String(pairId), '--rating', 'accurate', '--rationale', 'x', '--user', 'val'], dbPath)
        .code,
    ).toBe(2);
    expect(
      retold(['verdict', 'give', '99999', '--rating', 'accurate', '--rationale', 'x', '--user', 'ana'], dbPath).code,
    ).toBe(1);
    expect(retold(['verdict', 'give', String(pairId), '--rationale', 'x', '--user', 'ana'], dbPath).code).toBe(2);
    expect(retold(['verdict', 'frobnicate'], dbPath).code).toBe(2);
    expect(retold(['verdict', 'list', '--bogus'], dbPath).code).toBe(2);
    const scale = JSON.parse(retold(['verdict', 'scale'], dbPath).stdout);
    expect(scale).toMatchObject({ best: 6, worst: 1 });
    expect(scale.ratings).toHaveLength(6);
  }, 240_000);
});
