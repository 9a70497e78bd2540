/** A worker thread of the analysis pool: runs each job it is sent and answers with the result or the failure. */
import { parentPort } from 'node:worker_threads';
import { describeFailure, runJob, type Job } from './jobs.js';

if (!parentPort) throw new Error('workers: analysis-worker runs only as a worker thread');
const port = parentPort;
port.on('message', (message: { id: number; job: Job }) => {
  try {
    port.postMessage({ id: message.id, ok: true, value: runJob(message.job) });
  } catch (err) {
    port.postMessage({ id: message.id, ok: false, failure: describeFailure(err) });
  }
});
port.postMessage({ ready: true });
