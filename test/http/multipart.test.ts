import { describe, expect, it } from 'vitest';
import { makeApp, signIn, snapshotCounts } from '../helpers/app.js';

/** A multipart body built by hand, so malformed ones can be sent too. */
function multipart(boundary: string, fields: [string, string][]): string {
  return (
    fields
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}--\r\n`
  );
}

describe('hostile and malformed multipart bodies', () => {
  it('answers 400 to the sparse-array field names of GHSA-wc9g-mqfw-jrwm and keeps serving', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const before = snapshotCounts(db);
    const body = multipart('xyz', [
      ['a[4294967294]', 'x'],
      ['a[]', 'y'],
    ]);
    const res = await api.post('/api/articles').set('content-type', 'multipart/form-data; boundary=xyz').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/upload/);
    expect(snapshotCounts(db)).toEqual(before);
    await api.get('/healthz').expect(200);
    // the same payload on the page form
    const page = await api.post('/articles').set('content-type', 'multipart/form-data; boundary=xyz').send(body);
    expect(page.status).toBe(400);
    await api.get('/healthz').expect(200);
  });

  const file = `--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nSome text of an article.\r\n`;
  it.each([
    [
      'a boundary that does not match the header',
      'multipart/form-data; boundary=abc',
      multipart('xyz', [['title', 'x']]),
    ],
    ['a truncated body', 'multipart/form-data; boundary=xyz', file],
    ['no boundary in the header', 'multipart/form-data', multipart('xyz', [['title', 'x']])],
    ['garbage after the headers', 'multipart/form-data; boundary=xyz', '--xyz\r\nnot a header at all'],
  ])('answers 400 with a JSON error to %s', async (_name, type, body) => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api.post('/api/articles').set('content-type', type).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^upload: /);
    await api.get('/healthz').expect(200);
  });

  it('answers 400 with an error page on the form route', async () => {
    const { app, db } = makeApp();
    const api = await signIn(app, db);
    const res = await api.post('/articles').set('content-type', 'multipart/form-data; boundary=xyz').send(file);
    expect(res.status).toBe(400);
    expect(res.type).toBe('text/html');
    expect(res.text).toMatch(/upload: /);
  });
});
