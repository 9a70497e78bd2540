/**
 * Property tests of the JSON-LD importer: whatever the file holds — random
 * JSON, random text, or a real export with parts mutated — the import never
 * throws, answers with a report, and every annotation it stores is anchored
 * inside its article's text.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db.js';
import { exportReport } from '../../src/corpus/reports.js';
import { importAnnotations } from '../../src/corpus/annotation-import.js';
import { createUser } from '../../src/corpus/users.js';
import { selectAnnotations } from '../../src/store/annotations.js';
import { getArticle } from '../../src/store/articles.js';
import { buildMissionExample, importSamples } from '../helpers/report-fixture.js';

let exported: Record<string, unknown>;

beforeAll(() => {
  const m = buildMissionExample();
  exported = JSON.parse(
    exportReport(
      m.db,
      'jsonld',
      { kind: 'corpus' },
      {},
      { collectionId: 'urn:uuid:0b6c5a4e-1f2d-4e3c-9b8a-7d6e5f4a3b2c' },
    )!.body,
  );
});

function freshTarget(): { db: Db; importer: number } {
  const db = openDatabase(':memory:');
  importSamples(db, ['000', '001']);
  return { db, importer: createUser(db, 'importer', 'correct horse battery', 'reviewer').id };
}

/** Every stored annotation lies inside its article and its exact text is the article's text there. */
function expectAnchored(db: Db): void {
  for (const a of selectAnnotations(db, { status: 'all' })) {
    const text = getArticle(db, a.articleId)!.text;
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeLessThanOrEqual(text.length);
    if (a.status === 'active') expect(text.slice(a.start, a.end)).toBe(a.exact);
  }
}

/** Replace the value at a random path of a JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value as object);
  if (keys.length === 0) return replacement;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

describe('importing JSON-LD never crashes and never stores a broken annotation', () => {
  it('answers random text and random JSON with a report', () => {
    const { db, importer } = freshTarget();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const report = importAnnotations(db, text, { id: importer });
        expect(typeof report.ok).toBe('boolean');
        if (!report.ok) expect(report.error).toBeTruthy();
      }),
      { numRuns: 200 },
    );
    expectAnchored(db);
  });

  it('answers a real export with one part replaced by anything', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(50), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.jsonValue()),
        (path, replacement) => {
          const { db, importer } = freshTarget();
          const report = importAnnotations(db, JSON.stringify(mutate(exported, path, replacement)), { id: importer });
          expect(report.imported.length + report.present.length + report.refused.length).toBeLessThanOrEqual(10);
          expectAnchored(db);
        },
      ),
      { numRuns: 40 },
    );
  });
});
