/** Starting the web server: config, database, migrations, sample corpus, listen. */
import type { Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './db.js';
import { loadSampleCorpus } from './corpus/samples.js';
import { ensureAdmin } from './corpus/users.js';
import { acquireLock } from './corpus/backup.js';

/** A running server and its database. */
export interface Running {
  server: Server;
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** Open the database, load the samples on first start, and listen. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<Running> {
  // the lock tells `retold restore` that this database is in use
  const releaseLock = acquireLock(config.dbPath);
  let db: Db;
  try {
    db = openDatabase(config.dbPath);
  } catch (err) {
    releaseLock();
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
    log(`retold: created the first account — user "${admin.username}", password "${admin.password}" (shown only this once; change it with: retold user passwd ${admin.username})`);
  }
  const app = createApp({ db, config });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log(`retold: serving ${url} (database ${config.dbPath})`);
  return {
    server,
    db,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          releaseLock();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
