#!/usr/bin/env node
/**
 * The `retold` command. Exit codes: 0 success, 1 some input failed (each
 * failure on stderr with the file and why), 2 usage error.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDocs, ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db.js';
import { loadSampleCorpus } from './corpus/samples.js';
import { BackupError } from './corpus/backup.js';
import { ListenError, startServer } from './server.js';
import { runAnalyze } from './cli/analyze.js';
import { runBackup } from './cli/backup.js';
import { runCompare } from './cli/compare.js';
import { runExport } from './cli/export.js';
import { runImport } from './cli/import.js';
import { runImportAnnotations } from './cli/import-annotations.js';
import { runTag } from './cli/tag.js';
import { runUser } from './cli/user.js';
import { runVerdict, verdictUsage } from './cli/verdict.js';
import { UsageError } from './cli/usage-error.js';

const usage = `usage: retold <command> [options]

commands:
  serve                              start the web server
  import [--primary-source] FILE|DIR|URL...
                                     import articles into the database (--primary-source: as primary
                                     sources, the reference their statements are compared against)
  analyze --format json FILE...      analyse files in memory and print quotes, pairs, editorial spans
  tag --jsonl                        read {"id","text"} lines on stdin, write {"id","spans":[...]} lines
                                     of editorial language (start, end, text, category, voice)
  compare --jsonl                    read {"id","a","b"} lines on stdin, write {"id","score","same","relation","altered"} lines
  user add NAME [--role R] [--password-stdin]
                                     create an account (role admin|reviewer|viewer, default reviewer);
                                     prints a generated password once unless one is read from stdin
  user passwd NAME [--password-stdin]
                                     set a new password (generated and printed unless read from stdin)
                                     and end every session of the account
  user list                          list accounts
  user disable NAME [--enable]       disable (or enable again) an account and end its sessions
  backup FILE                        copy the database to FILE (safe while the server runs)
  restore FILE                       replace the database with the backup FILE (the server must be stopped)
  export --format html|md|csv|jsonld|claimreview|pairs-csv [--article ID | --compare ID,ID | --outlet NAME]
         [--reviewer NAME] [--tag ID] [--from DATE] [--to DATE] [--pairs reviewed|all|ID,ID,...]
         [--title TEXT] [--summary TEXT] [--conclusion TEXT] [-o FILE]
                                     write a report of the corpus, one article, a comparison or an outlet
                                     (annotations filtered by reviewer, tag and creation date) to FILE or stdout;
                                     HTML and Markdown hold the reviewed pairs, all, or the pairs chosen by id
  export --report ID --format html|md|pairs-csv [-o FILE]
                                     make a report saved with the report builder again
${verdictUsage}
  import-annotations FILE --user NAME
                                     import a Web Annotation JSON-LD export as NAME, who owns every
                                     annotation imported (the file's authors and dates are kept as provenance)

configuration (environment variables):
${configDocs.map((d) => `  ${d.name.padEnd(28)} ${d.meaning} (default ${d.default})`).join('\n')}
`;

/** The one line after a usage error: the whole help is 40 lines and buries the error. */
const usageHint = 'usage: retold <command> [options]; "retold help" lists the commands and their options';

/**
 * The message of a usage error (ours, or node:util parseArgs refusing an
 * option), on one line, without control characters, shortened — or undefined
 * for any other error.
 */
function usageMessage(err: unknown): string | undefined {
  const parseArgsError =
    err instanceof TypeError && String((err as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
  if (!(err instanceof UsageError) && !parseArgsError) return undefined;
  // parseArgs goes on to explain the "--" convention; its first sentence is the error
  const text = parseArgsError ? (err as Error).message.split(/\.\s/)[0] : (err as Error).message;
  const line = text
    .replace(/\p{C}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Run the CLI with the given arguments; resolves to the exit code (serve keeps running). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  try {
    switch (command) {
      case 'serve': {
        let running;
        try {
          running = await startServer(config);
        } catch (err) {
          if (err instanceof ListenError) {
            process.stderr.write(`${err.message}\n`);
            return 2;
          }
          if (!(err instanceof BackupError)) throw err;
          process.stderr.write(`${err.message}\n`);
          return 1;
        }
        const stop = () => void running.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return -1;
      }
      case 'import':
        return await runImport(config, rest);
      case 'analyze':
        return runAnalyze(config, rest);
      case 'tag':
        return await runTag(rest);
      case 'compare':
        return await runCompare(rest);
      case 'user':
        return await runUser(config, rest);
      case 'backup':
      case 'restore':
        return await runBackup(config, command, rest);
      case 'export':
        return runExport(config, rest);
      case 'import-annotations':
        return runImportAnnotations(config, rest);
      case 'verdict':
        return runVerdict(config, rest);
      case 'load-samples': {
        const db = openDatabase(config.dbPath);
        console.log(`loaded ${loadSampleCorpus(db)} sample articles`);
        db.close();
        return 0;
      }
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    const message = usageMessage(err);
    if (message === undefined) throw err;
    process.stderr.write(`retold: ${message}\n${usageHint}\n`);
    return 2;
  }
}

/** True when this file is the program being run (directly, or through the `retold` bin link). */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
