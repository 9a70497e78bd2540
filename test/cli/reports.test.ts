/** retold export and retold import-annotations, run as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db.js';
import { createUser } from '../../src/corpus/users.js';
import { projectRoot } from '../../src/paths.js';
import request from 'supertest';
import { makeApp } from '../helpers/app.js';
import { buildMissionExample, importSamples } from '../helpers/report-fixture.js';

function retold(args: string[], db: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, RETOLD_DB: db },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('retold export and import-annotations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-reports-'));
  const source = join(dir, 'source.sqlite');
  const target = join(dir, 'target.sqlite');
  beforeAll(() => {
    const s = openDatabase(source);
    buildMissionExample(s);
    s.close();
    const t = openDatabase(target);
    importSamples(t, ['000', '001']);
    createUser(t, 'lead', 'correct horse battery', 'reviewer');
    t.close();
  });

  it('writes a CSV filtered by reviewer to stdout', () => {
    const r = retold(['export', '--format', 'csv', '--reviewer', 'ana'], source);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\r\n')).toHaveLength(3);
  });

  it('exports JSON-LD to a file and imports it into another database, then reports it as present', () => {
    const file = join(dir, 'a.jsonld');
    expect(retold(['export', '--format', 'jsonld', '--compare', '1,2', '-o', file], source).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).total).toBe(4);
    const first = retold(['import-annotations', file, '--user', 'lead'], target);
    expect([first.code, first.stdout.trim()]).toEqual([
      0,
      'imported 4 (0 orphaned), already present 0, not imported 0',
    ]);
    const again = retold(['import-annotations', file, '--user', 'lead'], target);
    expect(again.stdout.trim()).toBe('imported 0 (0 orphaned), already present 4, not imported 0');
  });

  it.each([
    [['export'], 2],
    [['export', '--format', 'pdf'], 2],
    [['export', '--format', 'csv', '--article', '1', '--compare', '1,2'], 2],
    [['export', '--format', 'html', '--compare', '3,3'], 2],
    [['export', '--format', 'html', '--article', '99'], 1],
    [['export', '--format', 'csv', '--from', '2025-13-45'], 2],
    [['export', '--format', 'csv', '--reviewer', 'nobody'], 2],
    [['export', '--format', 'csv', '--tag', 'no-such-tag'], 2],
    [['import-annotations'], 2],
    [['import-annotations', '/nonexistent/file.jsonld'], 1],
  ])('retold %j exits %i', (args, code) => {
    expect(retold(args, source).code).toBe(code);
  });

  it('answers --compare 3,3 as the web answers compare=3,3, with the same schema and message', async () => {
    const cli = retold(['export', '--format', 'html', '--compare', '3,3'], source);
    const web = await request(makeApp().app).get('/api/export?format=html&compare=3,3').expect(400);
    expect(web.body.error).toBe('export: compare: article 3 compared with itself; choose two different articles');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(web.body.error);
  });
});
