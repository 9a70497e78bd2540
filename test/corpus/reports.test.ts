/** Export and import of annotations between instances, and outlet profiles. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db.js';
import { exportReport } from '../../src/corpus/reports.js';
import { getOutletProfile, listOutletProfiles } from '../../src/corpus/outlets.js';
import { importAnnotations } from '../../src/corpus/annotation-import.js';
import { createUser } from '../../src/corpus/users.js';
import { getAnnotationByUuid, selectAnnotations } from '../../src/store/annotations.js';
import { getArticle } from '../../src/store/articles.js';
import { snapshotCounts } from '../helpers/app.js';
import { buildMissionExample, fixtureUuids, importSamples, type MissionExample } from '../helpers/report-fixture.js';

const collectionId = 'urn:uuid:0b6c5a4e-1f2d-4e3c-9b8a-7d6e5f4a3b2c';
const exportAll = (db: Db) => exportReport(db, 'jsonld', { kind: 'corpus' }, {}, { collectionId })!.body;

/** A second instance holding the same two articles (imported in the other order, so ids differ). */
function makeTarget(users: string[] = ['ana', 'ben']): { db: Db; importer: number } {
  const db = openDatabase(':memory:');
  importSamples(db, ['001', '000']);
  for (const u of users) createUser(db, u, 'correct horse battery', 'reviewer');
  const importer = createUser(db, 'importer', 'correct horse battery', 'reviewer').id;
  return { db, importer };
}

type Item = { id: string; body: unknown; target: unknown; creator: unknown; created: string; modified: string };
const itemsOf = (json: string) => (JSON.parse(json) as { first: { items: Item[] } }).first.items;
/** An annotation as compared across instances: everything but the order of the list. */
const byId = (items: Item[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('importing a JSON-LD export', () => {
  let m: MissionExample;
  let exported: string;
  beforeAll(() => {
    m = buildMissionExample();
    exported = exportAll(m.db);
  });

  it('round-trips: export, import into an empty instance with the same articles, export again gives the same annotations, owned by the importer', () => {
    const { db, importer } = makeTarget();
    const report = importAnnotations(db, exported, { id: importer });
    expect(report.refused).toEqual([]);
    expect(report.imported.map((i) => i.placement)).toEqual(['position', 'position', 'position', 'position']);
    const again = exportAll(db);
    const content = (items: Item[]) => byId(items.map(({ id, body, target }) => ({ id, body, target }) as Item));
    expect(content(itemsOf(again))).toEqual(content(itemsOf(exported)));
    expect(itemsOf(again)).toHaveLength(4);
    for (const item of itemsOf(again)) expect((item.creator as { name: string }).name).toBe('importer');
  });

  it('reports a second import of the same file as already present and adds nothing', () => {
    const { db, importer } = makeTarget();
    importAnnotations(db, exported, { id: importer });
    const before = snapshotCounts(db);
    const second = importAnnotations(db, exported, { id: importer });
    expect(second.imported).toEqual([]);
    expect(second.present.map((p) => p.uuid).sort()).toEqual([...fixtureUuids].sort());
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('gives every annotation to the importing user, even when an account here has the file’s author name, and keeps the author as provenance', () => {
    const { db, importer } = makeTarget(['ana']);
    const report = importAnnotations(db, exported, { id: importer });
    expect(report.imported).toHaveLength(4);
    const bens = getAnnotationByUuid(db, fixtureUuids[1])!;
    const anas = getAnnotationByUuid(db, fixtureUuids[0])!;
    expect([bens.creatorName, anas.creatorName]).toEqual(['importer', 'importer']);
    expect(bens.imported?.author).toBe('ben');
    expect(anas.imported?.author).toBe('ana');
    expect(bens.note ?? '').not.toMatch(/Imported; written by/);
  });

  it('re-anchors by quote when positions moved, fuzzily when words changed, and keeps unplaceable ones as orphaned', () => {
    const { db, importer } = makeTarget();
    const items = itemsOf(exported);
    const shift = (
      item: Item,
      f: (sel: { exact: string; prefix: string; suffix: string; start: number; end: number }) => void,
    ) => {
      const t = [item.target].flat()[0] as {
        selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }];
      };
      const sel = { ...t.selector[0], ...t.selector[1] };
      f(sel);
      t.selector[0] = { ...t.selector[0], exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix };
      t.selector[1] = { ...t.selector[1], start: sel.start, end: sel.end };
    };
    const [first, second, third] = items.filter((i) => !Array.isArray(i.target));
    shift(first, (s) => ((s.start += 7), (s.end += 7)));
    shift(second, (s) => (s.exact = s.exact.replace(/^(\w)(\w)/, '$2$1')));
    shift(
      third,
      (s) => ((s.exact = 'words that no article here contains, anywhere at all'), (s.prefix = ''), (s.suffix = '')),
    );
    const file = JSON.stringify({ ...JSON.parse(exported), first: { ...JSON.parse(exported).first, items } });
    const report = importAnnotations(db, file, { id: importer });
    const placement = Object.fromEntries(report.imported.map((i) => [i.id, i.placement]));
    expect(placement[first.id]).toBe('quote');
    expect(placement[second.id]).toBe('fuzzy');
    expect(placement[third.id]).toBe('orphaned');
    expect(getAnnotationByUuid(db, third.id.slice(9))!.status).toBe('orphaned');
    const moved = getAnnotationByUuid(db, first.id.slice(9))!;
    expect(moved.exact).toBe(getArticle(db, moved.articleId)!.text.slice(moved.start, moved.end));
  });

  it.each([
    ['not valid JSON', '{"type": "AnnotationCollection",', /not valid JSON/],
    ['a JSON array', '[]', /not an AnnotationCollection/],
    [
      'a single annotation',
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'urn:uuid:1',
        target: 'x',
      }),
      /not an AnnotationCollection/,
    ],
    [
      'a collection whose page is not a page',
      JSON.stringify({ type: 'AnnotationCollection', first: { type: 'Annotation', items: [] } }),
      /not an AnnotationPage/,
    ],
  ])('imports nothing from %s and says why', (_name, text, error) => {
    const { db, importer } = makeTarget();
    const before = snapshotCounts(db);
    const report = importAnnotations(db, text, { id: importer });
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(error);
    expect(snapshotCounts(db)).toEqual(before);
  });

  it('imports the good annotations and lists the others with reasons: article not here, unknown tag, unreadable', () => {
    const { db, importer } = makeTarget();
    const json = JSON.parse(exported) as { first: { items: Record<string, unknown>[] } };
    const items = json.first.items;
    const absent = structuredClone(items[0]);
    (absent as { id: string }).id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
    (absent.target as { source: string }).source = 'urn:retold:article:0000';
    const badTag = structuredClone(items[2]);
    (badTag as { id: string }).id = 'urn:uuid:21111111-2222-4333-8444-555555555555';
    (badTag.body as Record<string, string>[]) = [
      { type: 'TextualBody', purpose: 'tagging', value: 'No such tag', 'dcterms:identifier': 'no-such-tag' },
    ];
    const junk = { id: 'urn:uuid:31111111-2222-4333-8444-555555555555', type: 'Annotation' };
    json.first.items = [...items, absent, badTag, junk];
    const report = importAnnotations(db, JSON.stringify(json), { id: importer });
    expect(report.imported).toHaveLength(4);
    expect(report.refused.map((r) => [r.id, r.reason])).toEqual(
      expect.arrayContaining([
        [absent.id, expect.stringContaining('no article here has the source urn:retold:article:0000')],
        [badTag.id, expect.stringContaining('not in this instance')],
        [junk.id, expect.stringContaining('not a Web Annotation')],
      ]),
    );
    expect(report.warnings).toEqual([expect.stringContaining('says it holds 4 annotations; the file has 7')]);
    expect(selectAnnotations(db, { status: 'all' })).toHaveLength(4);
  });
});

describe('outlet profiles', () => {
  let m: MissionExample;
  beforeAll(() => {
    m = buildMissionExample();
  });

  it('measures how an outlet retells statements first reported elsewhere', () => {
    const [p] = listOutletProfiles(m.db);
    expect(p.outlet).toBe('afgazad.com');
    expect(p.retold).toBeGreaterThan(0);
    expect(p.meanFidelity).toBeGreaterThan(0);
    expect(p.meanFidelity).toBeLessThanOrEqual(1);
    expect(p.looseQuotedShare).toBe(p.looseVersions ? p.looseInQuoteMarks / p.looseVersions : null);
    // only its own article's tags count (the trimmed note is on 001)
    expect(p.topTags).toEqual([{ tagId: 'trimmed', label: 'Trimmed', family: 'quote-handling', count: 1 }]);
  });

  it('finds an outlet whatever the case and gives undefined for an unknown one', () => {
    expect(getOutletProfile(m.db, 'AFGAZAD.COM')?.outlet).toBe('afgazad.com');
    expect(getOutletProfile(m.db, 'nowhere')).toBeUndefined();
  });
});
