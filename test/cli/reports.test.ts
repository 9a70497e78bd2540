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
import { saveReport } from '../../src/corpus/saved-reports.js';

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
  let missionPair = 0;
  let savedReport = 0;
  beforeAll(() => {
    const s = openDatabase(source);
    const m = buildMissionExample(s);
    missionPair = (
      s
        .prepare(
          "SELECT p.id FROM pairs p JOIN quotes qb ON qb.id = p.quote_b WHERE qb.text LIKE 'We know that the occupiers%'",
        )
        .get() as { id: number }
    ).id;
    const saved = saveReport(
      s,
      { compare: m.articles.join(','), pairs: [missionPair], title: 'The mission', conclusion: 'Kept *apart*.' },
      m.users.ana,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    savedReport = saved.report.id;
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

  it('chooses pairs and adds a summary on the command line, and makes a saved report again', () => {
    const r = retold(
      ['export', '--format', 'md', '--compare', '1,2', '--pairs', String(missionPair), '--summary', 'One **pair**.'],
      source,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('## Summary\n\nOne **pair**.');
    expect(r.stdout.match(/^### Statement /gm)).toHaveLength(1);
    expect(r.stdout).toContain('occupiers');
    const saved = retold(['export', '--report', String(savedReport), '--format', 'html'], source);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('<title>The mission</title>');
    expect(saved.stdout.match(/<h3>Statement /g)).toHaveLength(1);
    expect(saved.stdout).toContain('Kept <em>apart</em>.');
    expect(retold(['export', '--report', String(savedReport), '--format', 'csv'], source).code).toBe(2);
    expect(retold(['export', '--report', '999', '--format', 'md'], source).code).toBe(1);
  });

  it.each([
    [['export'], 2],
    [['export', '--format', 'html', '--compare', '1,2', '--pairs', '99999'], 2],
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
