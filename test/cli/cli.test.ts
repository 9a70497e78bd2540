import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { openDatabase } from '../../src/db.js';
import { listArticles } from '../../src/store/articles.js';
import { getArticleKind } from '../../src/store/references.js';

/** Run the CLI as a user would, with its own database. */
function retold(args: string[], opts: { input?: string; db?: string } = {}) {
  const db = opts.db ?? join(mkdtempSync(join(tmpdir(), 'retold-cli-')), 'r.sqlite');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    input: opts.input ?? '',
    env: { ...process.env, RETOLD_DB: db },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, db };
}

const samples = join(projectRoot, 'data', 'samples');

describe('retold analyze', () => {
  it('prints the stable JSON shape for the files, in memory, without touching the database', () => {
    const r = retold([
      'analyze',
      '--format',
      'json',
      join(samples, '000_a404dea57b915c9a.txt'),
      join(samples, '001_a6efed5ff8a300ec.txt'),
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['articles', 'quotes', 'pairs', 'editorial']);
    expect(out.articles).toHaveLength(2);
    expect(Object.keys(out.articles[0])).toEqual(['file', 'title', 'outlet', 'published', 'text']);
    for (const q of out.quotes) {
      expect(Object.keys(q)).toEqual(['id', 'article', 'start', 'end', 'text', 'kind', 'speaker', 'cue']);
      expect(out.articles[q.article].text.slice(q.start, q.end)).toBe(q.text);
    }
    const byId = new Map(out.quotes.map((q: { id: string; text: string }) => [q.id, q.text]));
    const mission = out.pairs.find((p: { a: string; b: string }) =>
      [byId.get(p.a), byId.get(p.b)].some((t) => String(t).startsWith('We know that the occupiers')),
    );
    expect(mission).toBeDefined();
    expect(mission.score).toBeGreaterThan(0);
    expect(out.editorial.length).toBeGreaterThan(0);
    expect(existsSync(r.db)).toBe(false);
  });

  it('reports an unreadable file on stderr and exits 1', () => {
    const r = retold(['analyze', '--format', 'json', join(samples, 'nope.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.txt/);
  });

  it('exits 2 on a usage error, with one line saying why and one pointing to the help', () => {
    for (const args of [['analyze', '--format', 'xml', 'x'], ['frobnicate'], ['analyze', '--bogus', 'x']]) {
      const r = retold(args);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^retold: (analyze: unknown format xml|unknown command: frobnicate|Unknown option '--bogus')/,
      );
      expect(lines[1]).toMatch(/retold help/);
    }
  }, 120_000); // three processes
});

describe('retold compare --jsonl', () => {
  it('answers each line with score, decision and relation, and reports bad lines', () => {
    const input = [
      JSON.stringify({
        id: 1,
        a: 'We know that the occupying American forces cannot withstand the advanced and modern strikes of the resistance.',
        b: 'We know that the occupiers will not be able to withstand our modern methods of resistance.',
      }),
      'not json',
      JSON.stringify({
        id: 'n',
        a: 'The dam will open in June, the minister said.',
        b: 'Schools stay closed for a week after the storm.',
      }),
    ].join('\n');
    const r = retold(['compare', '--jsonl'], { input });
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 1, same: true });
    expect(['paraphrase', 'gist']).toContain(lines[0].relation);
    expect(lines[1]).toMatchObject({ id: 'n', same: false, relation: null });
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
  });
});

describe('retold import', () => {
  it('imports a directory, reports duplicates and failures, and exits 1 when any failed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-import-'));
    writeFileSync(join(dir, 'a.txt'), 'The council met on Tuesday to discuss the budget for next year.');
    writeFileSync(join(dir, 'b.md'), '# Port reopens\n\nThe port reopened on **Sunday**, officials said.');
    writeFileSync(join(dir, 'c.txt'), 'The council met on Tuesday to discuss the budget for next year.');
    writeFileSync(join(dir, 'd.json'), '{"title": "no text"}');
    writeFileSync(join(dir, 'e.txt'), '');
    const r = retold(['import', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('imported 2, duplicates 1, failed 2');
    expect(r.stderr).toMatch(/c\.txt: duplicate of article \d+/);
    expect(r.stderr).toMatch(/d\.json: failed: .*text/);
    expect(r.stderr).toMatch(/e\.txt: failed: .*empty/i);
    const again = retold(['import', join(dir, 'a.txt')], { db: r.db });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('imported 0, duplicates 1, failed 0');
  }, 120_000); // two processes, each starting its analysis workers
});

describe('retold import --primary-source', () => {
  it('marks what it imports as primary sources; other imports stay retellings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-primary-'));
    writeFileSync(join(dir, 'transcript.txt'), 'Interview transcript. "The bridge will open in June," the mayor said.');
    writeFileSync(join(dir, 'story.txt'), 'City news. The mayor said the bridge would open in June, a delay.');
    const r = retold(['import', '--primary-source', join(dir, 'transcript.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(retold(['import', join(dir, 'story.txt')], { db: r.db }).code).toBe(0);
    const db = openDatabase(r.db);
    try {
      const kinds = listArticles(db).map((a) => [a.title.slice(0, 9), getArticleKind(db, a.id)]);
      expect(kinds.sort()).toEqual([
        ['City news', 'article'],
        ['Interview', 'primary-source'],
      ]);
    } finally {
      db.close();
    }
    expect(retold(['import', '--primary', join(dir, 'story.txt')]).code).toBe(2);
  }, 120_000);
});

describe('retold import of a folder with a manifest', () => {
  it('imports the sample corpus with the metadata its manifest gives, not the manifest itself', () => {
    const r = retold(['import', samples]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported 5, duplicates 0, failed 0');
    const db = new Database(r.db, { readonly: true });
    const rows = db.prepare('SELECT title, outlet, author, published FROM articles ORDER BY id').all() as {
      title: string;
      outlet: string | null;
      author: string | null;
      published: string | null;
    }[];
    db.close();
    expect(rows[1]).toMatchObject({ outlet: 'afgazad.com', author: 'Viktor Mikhin', published: '2025-03-26' });
    expect(rows[4]).toMatchObject({ outlet: 'Newsweek' });
  }, 120_000);

  it('names a broken manifest and a binary annotation file without echoing their bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-manifest-'));
    writeFileSync(join(dir, 'manifest.json'), '{"articles": [{"title": "no file"}]}');
    writeFileSync(join(dir, 'a.txt'), 'The council met on Tuesday to discuss the budget for next year.');
    const r = retold(['import', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/manifest\.json: failed: .*not a manifest: articles\.0\.file/);
    expect(r.stdout).toContain('imported 1, duplicates 0, failed 1');
    const bin = join(dir, 'x.json');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x1b, 0x5b, 0x32, 0x4a]));
    retold(['user', 'add', 'ana', '--password-stdin'], { db: r.db, input: 'correct horse battery\n' });
    const a = retold(['import-annotations', bin, '--user', 'ana'], { db: r.db });
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/not valid JSON \(unexpected text/);
    expect(a.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\x89]/);
  }, 120_000);
});

describe('retold through a bin link', () => {
  it('runs when started through a symbolic link, as npm installs the command', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'retold-bin-')), 'retold');
    symlinkSync(join(projectRoot, 'src', 'cli.ts'), link);
    const r = spawnSync(process.execPath, ['--import', 'tsx', link, 'help'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: retold <command>');
  });
});
