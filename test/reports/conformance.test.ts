/**
 * The JSON-LD export against the W3C Web Annotation conformance assertions
 * (web-platform-tests annotation-model, kept in ../shared/conformance).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '../../src/corpus/reports.js';
import { buildAnnotationCollection, type JsonLd } from '../../src/reports/jsonld.js';
import type { ReportAnnotation } from '../../src/reports/model.js';
import { buildMissionExample, type MissionExample } from '../helpers/report-fixture.js';
import { runWptTest, wptSuiteAvailable, wptSuiteDir, type TestRun } from '../helpers/wpt-runner.js';

const annotationMusts = 'annotations/annotationMusts.test';
const collectionMusts = 'collections/collectionMusts.test';
const pageMusts = 'collections/pages/pageMusts.test';

if (!wptSuiteAvailable) {
  console.warn(
    `conformance: the W3C annotation-model suite is not at ${wptSuiteDir}; the conformance tests are skipped`,
  );
}

const describeSuite = wptSuiteAvailable ? describe : describe.skip;

function failuresOf(run: TestRun): string[] {
  return run.failures.map((f) => `${f.file}: ${f.errors ?? ''}`);
}

describeSuite('the W3C test runner', () => {
  it('passes every MUST assertion on the suite’s valid sample annotation', () => {
    const run = runWptTest(
      annotationMusts,
      JSON.parse(readFileSync(join(wptSuiteDir, 'samples/valid-annotation.json'), 'utf8')),
    );
    expect(failuresOf(run)).toEqual([]);
    expect(run.pass).toBe(54);
  });

  it('fails the suite’s invalid sample (no target) on the two target assertions', () => {
    const run = runWptTest(
      annotationMusts,
      JSON.parse(readFileSync(join(wptSuiteDir, 'samples/invalid-annotation.json'), 'utf8')),
    );
    expect(run.failures.map((f) => f.file).sort()).toEqual([
      'annotations/3.1-targetKeyFound.json',
      'annotations/3.2-targetObjectsRecognized.json',
    ]);
  });

  it.each([
    ['a relative id', { id: 'anno-1' }],
    ['the https context', { '@context': 'https://www.w3.org/ns/anno.jsonld' }],
    ['a created date without a time zone', { created: '2025-04-01T09:00:00' }],
  ])('fails an annotation with %s', (_name, change) => {
    const valid = JSON.parse(readFileSync(join(wptSuiteDir, 'samples/valid-annotation.json'), 'utf8')) as JsonLd;
    expect(runWptTest(annotationMusts, { ...valid, ...change }).fail).toBeGreaterThan(0);
  });
});

describeSuite('the JSON-LD export of the mission example (samples 000 and 001)', () => {
  let m: MissionExample;
  let collection: JsonLd;
  beforeAll(() => {
    m = buildMissionExample();
    const out = exportReport(
      m.db,
      'jsonld',
      { kind: 'compare', articleIds: m.articles },
      {},
      { collectionId: 'urn:uuid:0b6c5a4e-1f2d-4e3c-9b8a-7d6e5f4a3b2c' },
    )!;
    collection = JSON.parse(out.body) as JsonLd;
  });

  const items = () => (collection.first as { items: JsonLd[] }).items;

  it('holds the four annotations, one of them a pair note with two targets', () => {
    expect(collection.total).toBe(4);
    expect(items()).toHaveLength(4);
    expect(items().filter((a) => Array.isArray(a.target))).toHaveLength(1);
  });

  it('passes every MUST assertion for each annotation', () => {
    for (const a of items()) {
      const run = runWptTest(annotationMusts, a);
      expect(failuresOf(run), String(a.id)).toEqual([]);
      expect(run.pass).toBe(54);
    }
  });

  it('passes every MUST assertion for the collection', () => {
    const run = runWptTest(collectionMusts, collection);
    expect(failuresOf(run)).toEqual([]);
    expect(run.pass).toBe(run.total);
  });

  it('passes every MUST assertion for the embedded page', () => {
    const run = runWptTest(pageMusts, collection.first);
    expect(failuresOf(run)).toEqual([]);
    expect(run.pass).toBe(run.total);
  });

  it('passes the page assertions for every page when split into pages of one, with next and prev', () => {
    const page = collection.first as { items: JsonLd[] };
    // the same annotations, paged by the builder
    const paged = buildAnnotationCollection(fromItems(page.items), {
      id: 'urn:uuid:0b6c5a4e-1f2d-4e3c-9b8a-7d6e5f4a3b2c',
      label: 'paged',
      pageSize: 1,
    });
    expect(paged.pages).toHaveLength(4);
    expect(paged.pages[1]).toMatchObject({ prev: paged.pages[0].id, next: paged.pages[2].id, startIndex: 1 });
    expect(paged.collection.last).toBe(paged.pages[3].id);
    expect(failuresOf(runWptTest(collectionMusts, paged.collection))).toEqual([]);
    for (const p of paged.pages) expect(failuresOf(runWptTest(pageMusts, p)), String(p.id)).toEqual([]);
  });

  it('gives every timestamp in UTC ending in Z and every id as an absolute IRI', () => {
    for (const a of items()) {
      expect(a.created).toMatch(/Z$/);
      expect(a.modified).toMatch(/Z$/);
      expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      for (const t of [a.target].flat() as { source: string }[])
        expect(t.source).toMatch(/^urn:retold:article:[0-9a-f]{64}$/);
    }
  });
});

/** Turn exported Web Annotations back into report annotations (enough for re-paging). */
function fromItems(items: JsonLd[]): ReportAnnotation[] {
  return items.map((a) => {
    const t = [a.target].flat()[0] as { source: string; selector: Record<string, unknown>[] };
    const q = t.selector[0] as { exact: string; prefix: string; suffix: string };
    const p = t.selector[1] as { start: number; end: number };
    const bodies = a.body as { purpose: string; value: string; 'dcterms:identifier'?: string }[];
    const tag = bodies.find((b) => b.purpose === 'tagging');
    return {
      uuid: String(a.id).slice('urn:uuid:'.length),
      articleId: 1,
      articleTitle: '',
      articleSource: t.source,
      articleOutlet: null,
      articlePublished: null,
      ...q,
      ...p,
      tagId: tag?.['dcterms:identifier'] ?? null,
      tagLabel: tag?.value ?? null,
      tagFamily: null,
      note: bodies.find((b) => b.purpose === 'commenting')?.value ?? null,
      other: null,
      creatorName: (a.creator as { name: string }).name,
      status: 'active',
      createdAt: String(a.created),
      modifiedAt: String(a.modified),
    };
  });
}
