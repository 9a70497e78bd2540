import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db.js';
import { projectRoot } from '../../src/paths.js';
import { listArticles, getArticle } from '../../src/store/articles.js';
import { listQuotesOfArticle } from '../../src/store/quotes.js';
import { listEditorialSpans } from '../../src/store/editorial.js';
import { listAllPairs } from '../../src/store/pairs.js';

/** Run the CLI as a user would, against its own fresh database. */
function retold(args: string[], db: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, RETOLD_DB: db },
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const samples = join(projectRoot, 'data', 'samples');
const own = join(projectRoot, 'test', 'fixtures', 'analysis');
const files = [
  ...readdirSync(own)
    .sort()
    .map((f) => join(own, f)),
  ...readdirSync(samples)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(samples, f)),
];

interface AnalyzeJson {
  articles: { text: string }[];
  quotes: { id: string; article: number; start: number; end: number; kind: string; speaker: string | null }[];
  pairs: { a: string; b: string; score: number; relation: string }[];
  editorial: { article: number; start: number; end: number; category: string; voice: string }[];
}

/** Quotes, editorial spans and pairs as comparable strings, articles named by their text's position in `texts`. */
function describeAnalyze(out: AnalyzeJson, texts: string[]) {
  const articleOf = (i: number) => texts.indexOf(out.articles[i].text);
  const quoteKey = new Map(out.quotes.map((q) => [q.id, `${articleOf(q.article)}:${q.start}-${q.end}`]));
  return {
    quotes: out.quotes.map((q) => `${quoteKey.get(q.id)} ${q.kind} ${q.speaker}`).sort(),
    editorial: out.editorial.map((e) => `${articleOf(e.article)}:${e.start}-${e.end} ${e.category} ${e.voice}`).sort(),
    pairs: out.pairs
      .map((p) => `${quoteKey.get(p.a)} ~ ${quoteKey.get(p.b)} ${p.score.toFixed(3)} ${p.relation}`)
      .sort(),
  };
}

/** The same description read back from a database that `retold import` filled. */
function describeStore(path: string, texts: string[]) {
  const db = openDatabase(path);
  try {
    const quotes: string[] = [];
    const editorial: string[] = [];
    const quoteKey = new Map<number, string>();
    for (const summary of listArticles(db)) {
      const at = texts.indexOf(getArticle(db, summary.id)!.text);
      for (const q of listQuotesOfArticle(db, summary.id)) {
        quoteKey.set(q.id, `${at}:${q.start}-${q.end}`);
        quotes.push(`${at}:${q.start}-${q.end} ${q.kind} ${q.speaker}`);
      }
      for (const e of listEditorialSpans(db, summary.id))
        editorial.push(`${at}:${e.start}-${e.end} ${e.category} ${e.voice}`);
    }
    const pairs = listAllPairs(db).map(
      (p) => `${quoteKey.get(p.quoteA)} ~ ${quoteKey.get(p.quoteB)} ${p.score.toFixed(3)} ${p.relation}`,
    );
    return { quotes: quotes.sort(), editorial: editorial.sort(), pairs: pairs.sort() };
  } finally {
    db.close();
  }
}

describe('retold analyze and retold import agree', () => {
  it('find the same quotes, speakers, editorial spans and pairs in the same articles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-agree-'));
    const analyzed = JSON.parse(
      retold(['analyze', '--format', 'json', ...files], join(dir, 'unused.sqlite')),
    ) as AnalyzeJson;
    const texts = analyzed.articles.map((a) => a.text);
    expect(texts).toHaveLength(files.length);
    const db = join(dir, 'imported.sqlite');
    retold(['import', ...files], db);
    const fromAnalyze = describeAnalyze(analyzed, texts);
    const fromImport = describeStore(db, texts);
    expect(fromAnalyze.quotes.length).toBeGreaterThan(40);
    expect(fromAnalyze.pairs.length).toBeGreaterThan(10);
    expect(fromImport.quotes).toEqual(fromAnalyze.quotes);
    expect(fromImport.editorial).toEqual(fromAnalyze.editorial);
    expect(fromImport.pairs).toEqual(fromAnalyze.pairs);
  }, 300_000);
});
