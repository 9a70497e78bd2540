/**
 * The analysis pool: worker threads started from the TypeScript sources (as
 * under vitest and tsx) give the same results as the calling thread, keep an
 * input problem's status, leave the request thread free while they work and
 * keep a worker free for pairing while articles are analysed, and run an
 * urgent job first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createWorkerPool, inlineRunner } from '../../src/workers/pool.js';
import { IngestError } from '../../src/ingest/index.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db.js';
import { signIn } from '../helpers/app.js';

const pool = createWorkerPool(2);
afterAll(() => pool.close());

const story = {
  title: 'Council approves new bridge',
  outlet: 'Riverside Gazette',
  text: 'The city council approved a new bridge on Tuesday.\n\n"This bridge will connect two neighbourhoods," Mayor Tom Reed said.\n\nConstruction starts next year.',
};

describe('the analysis pool', () => {
  it('analyses in a worker thread exactly as in the calling thread', async () => {
    const [inWorker, inline] = await Promise.all([
      pool.run({ kind: 'analyze', input: story }),
      inlineRunner.run({ kind: 'analyze', input: story }),
    ]);
    expect(inWorker.prepared).toEqual(inline.prepared);
    expect(inWorker.analysis.quotes).toEqual(inline.analysis.quotes);
    expect(inWorker.analysis.editorial).toEqual(inline.analysis.editorial);
    expect(inWorker.analysis.quotes.map((q) => q.speaker)).toContain('Tom Reed');
    expect(inWorker.analysis.rows?.quotes[0]?.terms.length).toBeGreaterThan(0);
  }, 120_000);

  it('leaves a worker free for pairing while articles are analysed', async () => {
    await pool.start(); // both workers started and ready
    const long = { title: 'Long', text: Array.from({ length: 400 }, () => story.text).join('\n\n') };
    const order: string[] = [];
    const analyses = [1, 2, 3].map((n) =>
      pool.run({ kind: 'analyze', input: { ...long, title: `Long ${n}` } }).then(() => order.push(`analysis ${n}`)),
    );
    await new Promise((r) => setTimeout(r, 20));
    // with both workers analysing, this job would wait for the first analysis to end
    const pairing = pool.run({ kind: 'pair', quotes: [] }).then(() => order.push('pairing'));
    await Promise.all([...analyses, pairing]);
    expect(order[0]).toBe('pairing');
    expect(order.slice(1)).toEqual(['analysis 1', 'analysis 2', 'analysis 3']);
  }, 120_000);

  it('runs an urgent job ahead of every job waiting, pairing jobs included', async () => {
    const one = createWorkerPool(1);
    try {
      await one.start();
      const long = { title: 'Long', text: Array.from({ length: 200 }, () => story.text).join('\n\n') };
      const order: string[] = [];
      // the first analysis holds the one worker; the rest wait in the queue
      const waiting = [
        one.run({ kind: 'analyze', input: long }).then(() => order.push('analysis 1')),
        one.run({ kind: 'analyze', input: { ...long, title: 'Long 2' } }).then(() => order.push('analysis 2')),
        one.run({ kind: 'pair', quotes: [] }).then(() => order.push('pairing')),
      ];
      await new Promise((r) => setTimeout(r, 20));
      const urgent = one.run({ kind: 'pair', quotes: [] }, { urgent: true }).then(() => order.push('urgent'));
      await Promise.all([...waiting, urgent]);
      expect(order).toEqual(['analysis 1', 'urgent', 'pairing', 'analysis 2']);
    } finally {
      await one.close();
    }
  }, 120_000);

  it('keeps an input problem an IngestError with its status', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const err = await pool
      .run({ kind: 'parse-upload', file: { name: 'x.png', bytes }, maxBytes: 1024 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).status).toBe(415);
  }, 120_000);

  it('keeps /healthz answering while a long import is analysed', async () => {
    const db = openDatabase(':memory:');
    const app = createApp({ db, config: { ...loadConfig({}), dbPath: ':memory:', loadSamples: false }, runner: pool });
    const api = await signIn(app, db);
    await api
      .post('/api/articles')
      .send({ ...story, text: `${story.text} Warm-up.` })
      .expect(201); // workers started
    const paragraph = 'The mayor said the bridge "will open in June," and nobody on the council doubted her. ';
    const long = {
      title: 'A long one',
      text: Array.from({ length: 400 }, (_, i) => `${paragraph.repeat(8)} Part ${i}.`).join('\n\n'),
    };
    const started = performance.now();
    let done = false;
    const importing = api
      .post('/api/articles')
      .send(long)
      .then((res) => {
        done = true;
        return res;
      });
    const waits: number[] = [];
    while (!done) {
      const t = performance.now();
      await request(app).get('/healthz').expect(200);
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await importing).status).toBe(201);
    const importMs = performance.now() - started;
    // the analysis (most of the import) runs in a worker: no wait comes near the import's length
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(importMs / 3);
  }, 120_000);
});
