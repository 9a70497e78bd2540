/** `retold backup FILE` and `retold restore FILE`. */
import type { Config } from '../config.js';
import { BackupError, backupDatabase, restoreDatabase, type BackupProgress } from '../corpus/backup.js';
import { UsageError } from './usage-error.js';

/** A progress printer: a line at each further tenth of the pages, and at the end. */
function printProgress(): (p: BackupProgress) => void {
  let lastTenth = -1;
  return ({ totalPages, remainingPages }) => {
    if (totalPages <= 0) return;
    const done = totalPages - remainingPages;
    const tenth = Math.floor((10 * done) / totalPages);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    console.log(`backup: ${Math.round((100 * done) / totalPages)}% (${done} of ${totalPages} pages)`);
  };
}

/** Run backup or restore; resolves to the exit code. */
export async function runBackup(config: Config, command: 'backup' | 'restore', args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError(`${command}: give one FILE`);
  try {
    if (command === 'backup') {
      const done = await backupDatabase(config.dbPath, args[0], { onProgress: printProgress() });
      console.log(
        `backed up ${config.dbPath} to ${done.file} (${done.bytes} bytes, schema version ${done.schemaVersion})`,
      );
    } else {
      const done = restoreDatabase(config.dbPath, args[0]);
      console.log(
        `restored ${config.dbPath} from ${args[0]} (${done.bytes} bytes, schema version ${done.schemaVersion})`,
      );
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
}
