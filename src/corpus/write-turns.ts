/**
 * One write transaction spread over turns of the event loop (issue 16).
 * Storing a long article — tens of thousands of quotes, spans and index
 * terms — took seconds of inserts, during which the thread that answers
 * requests answered none. Its steps now run in slices of a few milliseconds
 * inside one IMMEDIATE transaction, so the article is still stored all or
 * nothing, and other requests get turns in between.
 *
 * While such a transaction is open, anything written on the same connection
 * would join it (and be undone with it), so requests that write wait for it
 * first: `whenWritable` (web handlers, src/web/request.ts), and imports take
 * turns anyway (src/corpus/pairing-plan.ts). Reads go on; a page read in
 * between may show the rows stored so far.
 */
import type { Db } from '../db.js';

/** Steps of a write: a generator that yields where a turn may be given, and returns the result. */
export type WriteSteps<T> = Generator<void, T, void>;

/** How long one slice of steps runs before the event loop gets a turn, in milliseconds. */
const SLICE_MS = 25;

const open = new WeakMap<Db, Promise<void>>();

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Run every step at once (inside a transaction the caller holds). */
export function runSteps<T>(steps: WriteSteps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * A promise that resolves when no transaction of runInTurns is open on the
 * database, or undefined when none is (the usual case: write at once).
 */
export function whenWritable(db: Db): Promise<void> | undefined {
  return open.get(db);
}

/**
 * Run the steps in one BEGIN IMMEDIATE transaction, giving the event loop a
 * turn whenever a slice has run `sliceMs`; commit at the end, roll back on
 * any failure. A short write finishes in its first slice, as a plain
 * transaction would.
 */
export async function runInTurns<T>(db: Db, makeSteps: () => WriteSteps<T>, sliceMs = SLICE_MS): Promise<T> {
  // one at a time: a second would find the first's transaction open
  for (let held = open.get(db); held; held = open.get(db)) await held;
  let release = () => {};
  open.set(db, new Promise<void>((resolve) => (release = resolve)));
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const steps = makeSteps();
      let sliceStart = performance.now();
      for (;;) {
        const r = steps.next();
        if (r.done) {
          db.exec('COMMIT');
          return r.value;
        }
        if (performance.now() - sliceStart >= sliceMs) {
          await nextTurn();
          sliceStart = performance.now();
        }
      }
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } finally {
    open.delete(db);
    release();
  }
}
