/** Starting the web server: listen, then config, database, migrations, sample corpus, workers. */
import { createServer, type Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './db.js';
import { loadSampleCorpus } from './corpus/samples.js';
import { ensureAdmin } from './corpus/users.js';
import { acquireLock } from './corpus/backup.js';
import { createWorkerPool, defaultServerWorkers } from './workers/pool.js';

/** A running server and its database. */
export interface Running {
  server: Server;
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** The address could not be listened on (in use, not allowed, not an address of this host). */
export class ListenError extends Error {}

/** Bind the address first, so a port in use fails before the database is created or touched. */
function listen(config: Config): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      const why =
        err.code === 'EADDRINUSE'
          ? 'the port is already in use (set RETOLD_PORT to another one)'
          : err.code === 'EACCES'
            ? 'permission denied (ports below 1024 need privileges)'
            : err.code === 'EADDRNOTAVAIL'
              ? 'this host has no such address (check RETOLD_HOST)'
              : err.message;
      reject(new ListenError(`serve: cannot listen on ${where}: ${why}`));
    });
    server.listen(config.port, config.host, () => resolve(server));
  });
}

/** Listen, open the database, load the samples on first start, start the analysis workers, and serve. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<Running> {
  const server = await listen(config);
  let releaseLock: () => void;
  let db: Db;
  try {
    // the lock tells `retold restore` that this database is in use
    releaseLock = acquireLock(config.dbPath);
  } catch (err) {
    server.close();
    throw err;
  }
  try {
    db = openDatabase(config.dbPath);
  } catch (err) {
    releaseLock();
    server.close();
    throw err;
  }
  process.once('exit', releaseLock);
  if (config.loadSamples) {
    const n = loadSampleCorpus(db);
    if (n > 0) log(`retold: loaded ${n} sample articles into ${config.dbPath}`);
  }
  const admin = ensureAdmin(db);
  if (admin) {
    // printed once, on the first start only; it is stored hashed
    log(
      `retold: created the first account — user "${admin.username}", password "${admin.password}" (shown only this once; change it with: retold user passwd ${admin.username})`,
    );
  }
  const runner = createWorkerPool(config.workers || defaultServerWorkers());
  const app = createApp({ db, config, runner });
  server.on('request', app);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log(
    `retold: serving ${url} (database ${config.dbPath}, ${runner.size} analysis worker${runner.size === 1 ? '' : 's'})`,
  );
  return {
    server,
    db,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void runner.close().then(() => {
            db.close();
            releaseLock();
            resolve();
          });
        });
        server.closeAllConnections();
      }),
  };
}
