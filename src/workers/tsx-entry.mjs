// Starts the TypeScript worker when retold runs from its sources (tests,
// benchmarks, tsx): a worker thread does not inherit tsx's loader, so the
// entry is imported through tsx's API. The compiled app (dist/) starts the
// .js worker directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
