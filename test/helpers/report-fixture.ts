/**
 * The mission example for report tests: samples 000 and 001 in a fresh
 * database, two reviewers, and a few annotations with fixed uuids and times
 * (one of them a note on a pair across the two articles), stored through the
 * store so every export is deterministic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/db.js';
import { importArticle } from '../../src/corpus/articles.js';
import { ensureTags } from '../../src/corpus/tags.js';
import { createUser } from '../../src/corpus/users.js';
import { describeSpan } from '../../src/annotations/anchor.js';
import { insertAnnotation, updateAnnotationRow } from '../../src/store/annotations.js';
import { getArticle } from '../../src/store/articles.js';
import { dataDir } from '../../src/paths.js';

interface ManifestEntry {
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
}

/** Import sample articles (by file-name prefix, e.g. '000') into the database; returns their ids in order. */
export function importSamples(db: Db, prefixes: string[]): number[] {
  const dir = join(dataDir, 'samples');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { articles: ManifestEntry[] };
  return prefixes.map((prefix) => {
    const entry = manifest.articles.find((a) => a.file.startsWith(prefix))!;
    const r = importArticle(db, { ...entry, text: readFileSync(join(dir, entry.file), 'utf8'), format: 'txt' });
    if (r.status !== 'imported') throw new Error(`fixture: sample ${prefix} was not imported`);
    return r.article.id;
  });
}

/** Find `words` in the article's text and return its anchored span. */
export function spanOf(db: Db, articleId: number, words: string) {
  const text = getArticle(db, articleId)!.text;
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`fixture: "${words}" is not in article ${articleId}`);
  return { articleId, ...describeSpan(text, at, at + words.length) };
}

/** The uuids of the fixture's annotations, in creation order. */
export const fixtureUuids = [
  '6f0c1d3e-8a41-4c55-9a0e-1b2c3d4e5f60',
  '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
  '9c3d4e5f-6a7b-4c8d-ae9f-1a2b3c4d5e6f',
];

/** Users, articles and annotations of the mission example. */
export interface MissionExample {
  db: Db;
  articles: [number, number];
  users: { ana: number; ben: number };
}

/** Build the mission example in a fresh in-memory database (or the one given). */
export function buildMissionExample(db: Db = openDatabase(':memory:')): MissionExample {
  const [a, b] = importSamples(db, ['000', '001']);
  ensureTags(db);
  const ana = createUser(db, 'ana', 'correct horse battery', 'reviewer').id;
  const ben = createUser(db, 'ben', 'correct horse battery', 'reviewer').id;
  const textA = getArticle(db, a)!.text;
  const textB = getArticle(db, b)!.text;
  // spans picked by position so the fixture does not depend on particular words
  const sentence = (text: string, from: number) => {
    const start = text.indexOf(' ', from) + 1;
    const end = text.indexOf(' ', start + 40);
    return { start, end };
  };
  const s1 = sentence(textA, 200);
  const s2 = sentence(textB, 400);
  const s3 = sentence(textA, 900);
  const s4 = sentence(textB, 1200);
  const rows = [
    {
      uuid: fixtureUuids[0],
      ...{ articleId: a, ...describeSpan(textA, s1.start, s1.end) },
      tagId: 'loaded-term',
      note: null,
      other: null,
      creatorId: ana,
      createdAt: '2025-04-01T09:00:00.000Z',
      modifiedAt: '2025-04-01T09:00:00.000Z',
    },
    {
      uuid: fixtureUuids[1],
      ...{ articleId: b, ...describeSpan(textB, s2.start, s2.end) },
      tagId: 'trimmed',
      note: 'Cut "before the vote", =SUM(A1:A2), and a line\nbreak; commas, too.',
      other: null,
      creatorId: ben,
      createdAt: '2025-04-02T10:30:00.000Z',
      modifiedAt: '2025-04-03T08:15:00.000Z',
    },
    {
      uuid: fixtureUuids[2],
      ...{ articleId: a, ...describeSpan(textA, s3.start, s3.end) },
      tagId: null,
      note: '@ben please check *this* [source](http://x)',
      other: null,
      creatorId: ana,
      createdAt: '2025-04-04T12:00:00.000Z',
      modifiedAt: '2025-04-04T12:00:00.000Z',
    },
    {
      uuid: fixtureUuids[3],
      ...{ articleId: a, ...describeSpan(textA, s1.start, s1.end) },
      tagId: 'meaning-altered',
      note: 'The later version drops the hedge.',
      other: { articleId: b, ...describeSpan(textB, s4.start, s4.end) },
      creatorId: ben,
      createdAt: '2025-04-05T16:45:00.000Z',
      modifiedAt: '2025-04-05T16:45:00.000Z',
    },
  ];
  for (const { modifiedAt, ...r } of rows) {
    const id = insertAnnotation(db, { ...r, status: 'active' });
    if (modifiedAt !== r.createdAt) updateAnnotationRow(db, id, { ...r, status: 'active', modifiedAt });
  }
  return { db, articles: [a, b], users: { ana, ben } };
}
