/**
 * A pool of worker threads for the CPU work of imports (node:worker_threads),
 * so the thread that answers requests only parses requests, validates and
 * writes. Jobs wait in one queue; each worker runs one job at a time. A worker
 * that dies is replaced and its job fails with the error.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { reviveFailure, runJob, type Job, type JobFailure, type JobResults } from './jobs.js';

/** Runs import jobs: in worker threads (createWorkerPool) or in the calling thread (inlineRunner). */
export interface JobRunner {
  /** Run a job; an urgent one goes ahead of every job waiting but other urgent ones (an import waits for it). */
  run<K extends Job['kind']>(job: Extract<Job, { kind: K }>, options?: { urgent?: boolean }): Promise<JobResults[K]>;
  /** number of worker threads (0 for the calling thread) */
  readonly size: number;
  close(): Promise<void>;
}

/** Worker threads for a server: one per core but one (kept for requests), at least one. */
export function defaultServerWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Worker threads for `retold import`: one per core, since the main thread mostly waits for them. */
export function defaultImportWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Run jobs in the calling thread (tests of the store, the sample corpus at start-up). */
export const inlineRunner: JobRunner = {
  size: 0,
  run: async (job) => runJob(job) as never,
  close: async () => {},
};

interface Pending {
  id: number;
  job: Job;
  urgent: boolean;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | undefined;
}

/**
 * The worker's entry: the compiled .js beside this module, or — when this
 * module runs from its TypeScript source under tsx or vitest — the .ts entry
 * started through tsx's API (a worker does not inherit tsx's loader).
 */
function workerEntry(): { file: string | URL; workerData?: unknown } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    return {
      file: new URL('./tsx-entry.mjs', self),
      workerData: { entry: fileURLToPath(new URL('./analysis-worker.ts', self)) },
    };
  }
  return { file: new URL('./analysis-worker.js', self) };
}

/** A pool of worker threads; `start` starts every worker now rather than as jobs arrive. */
export interface WorkerPool extends JobRunner {
  /** Start every worker (each reads its language model meanwhile); resolves when all are ready. */
  start(): Promise<void>;
}

/** A pool of up to `size` worker threads (at least one), started as jobs arrive. Close the pool to end them. */
export function createWorkerPool(size: number): WorkerPool {
  const count = Math.max(1, Math.floor(size));
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  // analyses leave one worker free for the pairing jobs that follow them: an import's articles are paired
  // one after another, and a pairing job that waited for an analysis to end held up every article after it
  const maxAnalyses = Math.max(1, count - 1);
  const countAnalyses = () => slots.filter((s) => s.current?.job.kind === 'analyze').length;

  const dispatch = () => {
    // workers start when there is work for them: a small import does not pay for starting every one
    const idle = slots.filter((s) => !s.current).length;
    if (!closed && queue.length > idle && slots.length < count) slots.push(spawn());
    for (const slot of slots) {
      if (!slot.ready || slot.current || queue.length === 0) continue;
      const at = queue.findIndex((p) => p.job.kind !== 'analyze' || countAnalyses() < maxAnalyses);
      if (at < 0) continue;
      const [pending] = queue.splice(at, 1);
      slot.current = pending;
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    }
  };

  const readyWaiters: (() => void)[] = [];
  const allReady = () => slots.length === count && slots.every((s) => s.ready);

  const spawn = (): Slot => {
    const entry = workerEntry();
    const worker = new Worker(entry.file, { workerData: entry.workerData });
    // a pool that waits for nothing must not keep the process alive
    worker.unref();
    const slot: Slot = { worker, ready: false, current: undefined };
    worker.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; value?: unknown; failure?: JobFailure }) => {
      if (m.ready) {
        slot.ready = true;
        if (allReady()) for (const resolve of readyWaiters.splice(0)) resolve();
        return dispatch();
      }
      const pending = slot.current;
      slot.current = undefined;
      if (pending && pending.id === m.id) {
        if (m.ok) pending.resolve(m.value);
        else pending.reject(reviveFailure(m.failure!));
      }
      dispatch();
    });
    const onDeath = (err: Error) => {
      const i = slots.indexOf(slot);
      if (i < 0) return;
      slots.splice(i, 1);
      slot.current?.reject(new Error(`workers: an analysis worker stopped: ${err.message}`));
      slot.current = undefined;
      if (!closed) slots.push(spawn());
      dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => onDeath(new Error(`exit code ${code}`)));
    return slot;
  };

  return {
    size: count,
    start: () =>
      new Promise<void>((resolve, reject) => {
        if (closed) return reject(new Error('workers: the pool is closed'));
        while (slots.length < count) slots.push(spawn());
        if (allReady()) resolve();
        else readyWaiters.push(resolve);
      }),
    run: (job, { urgent = false } = {}) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error('workers: the pool is closed'));
        const pending = { id: nextId++, job, urgent, resolve: resolve as (v: unknown) => void, reject };
        // urgent jobs first (the pairing an import waits for in its turn), then pairing jobs ahead of queued
        // analyses: an import stores (and so frees) each article as soon as it can, rather than after the
        // whole batch is analysed; among themselves jobs keep their order
        const rank = (p: Pick<Pending, 'job' | 'urgent'>) => (p.urgent ? 0 : p.job.kind === 'pair' ? 1 : 2);
        const at = queue.findIndex((p) => rank(p) > rank(pending));
        queue.splice(at < 0 ? queue.length : at, 0, pending);
        // keep the process alive while jobs are waiting or running
        for (const s of slots) s.worker.ref();
        dispatch();
      }).finally(() => {
        if (queue.length === 0 && slots.every((s) => !s.current)) for (const s of slots) s.worker.unref();
      }) as never,
    close: async () => {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('workers: the pool is closed'));
      const ending = slots.splice(0);
      await Promise.all(ending.map((s) => s.worker.terminate()));
    },
  };
}
