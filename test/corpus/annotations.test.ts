import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db.js';
import { importArticle } from '../../src/corpus/articles.js';
import { createUser } from '../../src/corpus/users.js';
import {
  annotationHistory,
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  updateAnnotation,
} from '../../src/corpus/annotations.js';
import { addTag, changeTag, listOfferedTags, seedTags } from '../../src/corpus/tags.js';
import { reanchorArticleAnnotations } from '../../src/corpus/annotation-reanchoring.js';

const text =
  'The minister said the plan was "a disaster for the region" and left.\n\nCritics insisted the cuts would hurt families.';

function setUp() {
  const db = openDatabase(':memory:');
  const r = importArticle(db, { text, title: 'Cuts', outlet: 'Daily Test' });
  if (r.status !== 'imported') throw new Error('not imported');
  const alice = createUser(db, 'alice', 'correct horse battery', 'reviewer');
  const bob = createUser(db, 'bob', 'correct horse battery', 'reviewer');
  return { db, articleId: r.article.id, alice, bob };
}

describe('annotations', () => {
  it('stores the span with its words and 32 characters of context', () => {
    const { db, articleId, alice } = setUp();
    const start = text.indexOf('a disaster');
    const r = createAnnotation(db, alice.id, {
      articleId,
      start,
      end: start + 10,
      exact: 'a disaster',
      tagId: 'loaded-term',
      note: null,
    });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.annotation).toMatchObject({
      exact: 'a disaster',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + 10, start + 42),
      status: 'active',
      creatorName: 'alice',
    });
    expect(r.annotation.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.annotation.createdAt).toMatch(/Z$/);
    expect(listAnnotations(db, { articleId })).toHaveLength(1);
  });

  it('finds the words when the client sent stale positions', () => {
    const { db, articleId, alice } = setUp();
    const r = createAnnotation(db, alice.id, {
      articleId,
      start: 0,
      end: 8,
      exact: 'insisted',
      tagId: 'attribution-verb',
    });
    expect(r.status === 'ok' && r.annotation.start).toBe(text.indexOf('insisted'));
  });

  it.each([
    ['neither tag nor note', { tagId: null, note: '  ' }, 'note'],
    ['an unknown tag', { tagId: 'nope' }, 'tagId'],
    ['words not in the text', { exact: 'banana' }, 'span'],
  ])('refuses %s', (_name, extra, field) => {
    const { db, articleId, alice } = setUp();
    const r = createAnnotation(db, alice.id, {
      articleId,
      start: 4,
      end: 12,
      exact: 'minister',
      tagId: 'loaded-term',
      ...extra,
    });
    expect(r.status).toBe('invalid');
    expect(r.status === 'invalid' && Object.keys(r.errors)).toContain(field);
  });

  it('lets only the owner or an admin change it, and keeps every change in the history', () => {
    const { db, articleId, alice, bob } = setUp();
    const r = createAnnotation(db, alice.id, { articleId, start: 4, end: 12, exact: 'minister', note: 'who?' });
    if (r.status !== 'ok') throw new Error('create failed');
    const id = r.annotation.id;
    expect(updateAnnotation(db, { id: bob.id, role: 'reviewer' }, id, { note: 'mine' }).status).toBe('forbidden');
    expect(updateAnnotation(db, { id: alice.id, role: 'reviewer' }, id, { note: 'which one?' }).status).toBe('ok');
    expect(deleteAnnotation(db, { id: bob.id, role: 'admin' }, id).status).toBe('ok');
    expect(listAnnotations(db, { articleId })).toHaveLength(0);
    expect(listAnnotations(db, { articleId, status: 'deleted' })).toHaveLength(1);
    const history = annotationHistory(db, id);
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'delete']);
    expect(history[1]).toMatchObject({ username: 'alice', before: { note: 'who?' }, after: { note: 'which one?' } });
  });

  it('moves an annotation with its words and orphans one whose words are gone', () => {
    const { db, articleId, alice } = setUp();
    const a = createAnnotation(db, alice.id, {
      articleId,
      start: text.indexOf('insisted'),
      end: text.indexOf('insisted') + 8,
      tagId: 'attribution-verb',
    });
    const b = createAnnotation(db, alice.id, {
      articleId,
      start: text.indexOf('hurt'),
      end: text.indexOf('hurt') + 4,
      tagId: 'loaded-term',
    });
    if (a.status !== 'ok' || b.status !== 'ok') throw new Error('create failed');
    const newText = `Update: ${text.replace('hurt', 'affect')}`;
    const summary = reanchorArticleAnnotations(db, articleId, newText);
    expect(summary).toEqual({ unchanged: 0, moved: 1, fuzzy: 0, orphaned: 1 });
    const [moved, orphan] = listAnnotations(db, { articleId }).sort((x, y) => x.id - y.id);
    expect(moved).toMatchObject({ start: newText.indexOf('insisted'), status: 'active' });
    expect(orphan).toMatchObject({ start: b.annotation.start, exact: 'hurt', status: 'orphaned' });
    expect(annotationHistory(db, orphan.id).map((h) => h.action)).toEqual(['create', 'orphan']);
  });
});

describe('tags', () => {
  it('seeds the taxonomy once', () => {
    const db = openDatabase(':memory:');
    expect(seedTags(db)).toBe(32);
    expect(seedTags(db)).toBe(0);
    const families = new Set(listOfferedTags(db).map((t) => t.family));
    expect([...families].sort()).toEqual(['editorial', 'framing', 'quote-handling']);
  });

  it('keeps a retired tag on old annotations but does not offer it', () => {
    const { db, articleId, alice } = setUp();
    const added = addTag(db, { family: 'quote-handling', label: 'Out of order' });
    expect(added.status === 'ok' && added.tag.id).toBe('out-of-order');
    const r = createAnnotation(db, alice.id, { articleId, start: 4, end: 12, tagId: 'out-of-order' });
    expect(r.status).toBe('ok');
    changeTag(db, 'out-of-order', { retired: true, label: 'Reordered' });
    expect(listOfferedTags(db).some((t) => t.id === 'out-of-order')).toBe(false);
    expect(listAnnotations(db, { articleId })[0]).toMatchObject({ tagId: 'out-of-order', tagLabel: 'Reordered' });
    expect(createAnnotation(db, alice.id, { articleId, start: 4, end: 12, tagId: 'out-of-order' }).status).toBe(
      'invalid',
    );
  });
});
