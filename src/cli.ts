#!/usr/bin/env node
/**
 * The `retold` command. Exit codes: 0 success, 1 some input failed (each
 * failure on stderr with the file and why), 2 usage error.
 */
import { readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { configDocs, ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db.js';
import { importFile, importUrl, type SourceOutcome } from './corpus/sources.js';
import { loadSampleCorpus } from './corpus/samples.js';
import { startServer } from './server.js';
import { IngestError, parseUpload, type ArticleInput } from './ingest/index.js';
import { analyzeCorpus } from './analysis/index.js';
import { tagText } from './editorial/index.js';
import { loadVectors } from './vectors/load.js';
import { compareStatements } from './pairing/index.js';
import { processJsonLines } from './jsonl.js';
import { z } from 'zod';
import { AccountError, changePassword, createUser, disableUser, roleSchema } from './corpus/users.js';
import { generatePassword } from './auth/password.js';
import { listUsers } from './store/users.js';
import { BackupError, backupDatabase, restoreDatabase } from './corpus/backup.js';
import { exportReport, reportFormats, type ReportFormat } from './corpus/reports.js';
import { importAnnotations } from './corpus/annotation-import.js';
import { getUserByName } from './store/users.js';
import type { ReportScope } from './reports/model.js';
import { runVerdict, verdictUsage } from './cli/verdict.js';
import { claimReviewPublisher } from './corpus/claimreview.js';

const usage = `usage: retold <command> [options]

commands:
  serve                              start the web server
  import FILE|DIR|URL...             import articles into the database
  analyze --format json FILE...      analyse files in memory and print quotes, pairs, editorial spans
  tag --jsonl                        read {"id","text"} lines on stdin, write {"id","spans":[...]} lines
                                     of editorial language (start, end, text, category, voice)
  compare --jsonl                    read {"id","a","b"} lines on stdin, write {"id","score","same","relation"} lines
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
  export --format html|md|csv|jsonld|claimreview [--article ID | --compare ID,ID | --outlet NAME]
         [--reviewer NAME] [--tag ID] [--from DATE] [--to DATE] [-o FILE]
                                     write a report of the corpus, one article, a comparison or an outlet
                                     (annotations filtered by reviewer, tag and creation date) to FILE or stdout
${verdictUsage}
  import-annotations FILE --user NAME
                                     import a Web Annotation JSON-LD export as NAME, who owns every
                                     annotation imported (the file's authors and dates are kept as provenance)

configuration (environment variables):
${configDocs.map((d) => `  ${d.name.padEnd(28)} ${d.meaning} (default ${d.default})`).join('\n')}
`;

class UsageError extends Error {}

const importable = /\.(txt|text|md|markdown|html?|json)$/i;

/** Expand directories into the importable files they hold (sorted), keep files and URLs. */
function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) {
      out.push(a);
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      out.push(a); // reported as a failure when read
      continue;
    }
    if (st.isDirectory()) {
      for (const f of readdirSync(a).sort()) if (importable.test(f)) out.push(join(a, f));
    } else out.push(a);
  }
  return out;
}

/** Read a file for import, refusing it before reading when it is over the limit. */
function readInput(path: string, maxBytes: number): { name: string; bytes: Uint8Array } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new IngestError(`cannot read ${path}: no such file`, 400);
  }
  if (size > maxBytes) throw new IngestError(`file is ${size} bytes, over the limit of ${maxBytes} (RETOLD_MAX_UPLOAD_MB)`, 413);
  return { name: basename(path), bytes: readFileSync(path) };
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY || total < 5) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

async function runImport(config: Config, args: string[]): Promise<number> {
  if (args.length === 0) throw new UsageError('import: give at least one FILE, DIR or URL');
  const inputs = expandInputs(args);
  const db = openDatabase(config.dbPath);
  const outcomes: SourceOutcome[] = [];
  try {
    for (const [i, input] of inputs.entries()) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) outcomes.push(...(await importUrl(db, config, input)));
      else {
        try {
          const file = readInput(input, config.maxUploadBytes);
          outcomes.push(...importFile(db, { ...file, name: input }));
        } catch (err) {
          if (!(err instanceof IngestError)) throw err;
          outcomes.push({ source: input, status: 'failed', error: err.message, httpStatus: err.status });
        }
      }
      progress(i + 1, inputs.length);
    }
  } finally {
    db.close();
  }
  let imported = 0;
  let duplicates = 0;
  let failed = 0;
  for (const o of outcomes) {
    if (o.status === 'imported') imported += 1;
    else if (o.status === 'duplicate') {
      duplicates += 1;
      process.stderr.write(`${o.source}: duplicate of article ${o.existing.id} "${o.existing.title}"\n`);
    } else {
      failed += 1;
      process.stderr.write(`${o.source}: failed: ${o.error}\n`);
    }
  }
  console.log(`imported ${imported}, duplicates ${duplicates}, failed ${failed}`);
  return failed > 0 ? 1 : 0;
}

function runAnalyze(config: Config, args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'json' } }, allowPositionals: true });
  if (values.format !== 'json') throw new UsageError(`analyze: unknown format ${values.format} (only json)`);
  if (positionals.length === 0) throw new UsageError('analyze: give at least one FILE');
  const items: { file: string; input: ArticleInput }[] = [];
  let failed = 0;
  for (const path of expandInputs(positionals)) {
    try {
      const file = readInput(path, config.maxUploadBytes);
      for (const input of parseUpload(file)) items.push({ file: path, input });
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      failed += 1;
      process.stderr.write(`${path}: ${err.message}\n`);
    }
  }
  const { output } = analyzeCorpus(items, loadVectors());
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return failed > 0 ? 1 : 0;
}

const tagLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** `retold tag --jsonl`: {"id","text"} lines in, {"id","spans"} lines out, in order. */
async function runTag(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jsonl: { type: 'boolean', default: false } } });
  if (!values.jsonl) throw new UsageError('tag: only --jsonl is supported (lines of {"id","text"} on stdin)');
  const failed = await processJsonLines(process.stdin, process.stdout, process.stderr, tagLine, ({ id, text }) => ({
    id,
    spans: tagText(text).spans.map((e) => ({ start: e.start, end: e.end, text: e.text, category: e.category, voice: e.voice })),
  }));
  return failed > 0 ? 1 : 0;
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function runUser(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: 'string', default: 'reviewer' }, 'password-stdin': { type: 'boolean', default: false }, enable: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [action, name] = positionals;
  const db = openDatabase(config.dbPath);
  try {
    if (action === 'list') {
      for (const u of listUsers(db)) console.log(`${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.createdAt}`);
      return 0;
    }
    if (!name) throw new UsageError('user: give a user name');
    if (action === 'add' || action === 'passwd') {
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new UsageError(`user: unknown role ${values.role} (admin, reviewer or viewer)`);
      const fromStdin = values['password-stdin'];
      const password = fromStdin ? await readStdinLine() : generatePassword();
      if (action === 'add') {
        createUser(db, name, password, role.data);
        console.log(`created ${name} (${role.data})`);
      } else {
        const ended = changePassword(db, name, password);
        console.log(`changed the password of ${name}; ended ${ended} session${ended === 1 ? '' : 's'} (every login of ${name} must sign in again)`);
      }
      if (!fromStdin) console.log(`password: ${password}   (shown only this once)`);
      return 0;
    }
    if (action === 'disable') {
      disableUser(db, name, !values.enable);
      console.log(`${values.enable ? 'enabled' : 'disabled'} ${name}`);
      return 0;
    }
    throw new UsageError(`user: unknown action ${action ?? ''} (add, passwd, list, disable)`);
  } catch (err) {
    if (err instanceof AccountError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}

async function runBackup(config: Config, command: 'backup' | 'restore', args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError(`${command}: give one FILE`);
  try {
    if (command === 'backup') {
      const done = await backupDatabase(config.dbPath, args[0]);
      console.log(`backed up ${config.dbPath} to ${done.file} (${done.bytes} bytes, schema version ${done.schemaVersion})`);
    } else {
      const done = restoreDatabase(config.dbPath, args[0]);
      console.log(`restored ${config.dbPath} from ${args[0]} (${done.bytes} bytes, schema version ${done.schemaVersion})`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
}

function runExport(config: Config, args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      article: { type: 'string' },
      compare: { type: 'string' },
      outlet: { type: 'string' },
      reviewer: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`export: unexpected argument ${positionals[0]}`);
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format)) throw new UsageError(`export: give --format ${reportFormats.join('|')}`);
  if ([values.article, values.compare].filter(Boolean).length > 1) throw new UsageError('export: give --article or --compare, not both');
  for (const k of ['from', 'to'] as const) if (values[k] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[k])) throw new UsageError(`export: --${k} is a date as YYYY-MM-DD`);
  let scope: ReportScope = { kind: 'corpus' };
  let outlet = values.outlet;
  if (values.article !== undefined) {
    if (!/^\d+$/.test(values.article)) throw new UsageError('export: --article is an article id');
    scope = { kind: 'article', articleId: Number(values.article) };
  } else if (values.compare !== undefined) {
    const m = /^(\d+),(\d+)$/.exec(values.compare);
    if (!m || m[1] === m[2]) throw new UsageError('export: --compare is two different article ids as ID,ID');
    scope = { kind: 'compare', articleIds: [Number(m[1]), Number(m[2])] };
  } else if (outlet !== undefined) {
    scope = { kind: 'outlet', outlet };
    outlet = undefined;
  }
  const db = openDatabase(config.dbPath);
  try {
    const out = exportReport(db, format, scope, { reviewer: values.reviewer, tag: values.tag, outlet, from: values.from, to: values.to }, { claimReview: claimReviewPublisher(config) });
    if (!out) {
      process.stderr.write('export: no such article or outlet\n');
      return 1;
    }
    if (values.output) {
      writeFileSync(values.output, out.body);
      console.log(`wrote ${values.output}`);
    } else process.stdout.write(out.body);
    return 0;
  } finally {
    db.close();
  }
}

function runImportAnnotations(config: Config, args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { user: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('import-annotations: give one FILE');
  let text: string;
  try {
    text = readFileSync(positionals[0], 'utf8');
  } catch {
    process.stderr.write(`${positionals[0]}: cannot read the file\n`);
    return 1;
  }
  const db = openDatabase(config.dbPath);
  try {
    if (values.user === undefined) throw new UsageError('import-annotations: give --user NAME (imported annotations belong to the user who imports them)');
    const user = getUserByName(db, values.user);
    if (!user) throw new UsageError(`import-annotations: no user ${values.user}`);
    const report = importAnnotations(db, text, { id: user.id });
    if (!report.ok) {
      process.stderr.write(`${positionals[0]}: ${report.error}\n`);
      return 1;
    }
    for (const w of report.warnings) process.stderr.write(`${positionals[0]}: warning: ${w}\n`);
    for (const r of report.refused) process.stderr.write(`${positionals[0]}: annotation ${r.index + 1} (${r.id ?? 'no id'}) not imported: ${r.reason}\n`);
    const orphaned = report.imported.filter((i) => i.placement === 'orphaned').length;
    console.log(`imported ${report.imported.length} (${orphaned} orphaned), already present ${report.present.length}, not imported ${report.refused.length}`);
    return report.refused.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

const compareLine = z.object({
  id: z.union([z.string(), z.number()]),
  a: z.string().max(100_000),
  b: z.string().max(100_000),
});

async function runCompare(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { jsonl: { type: 'boolean', default: false } } });
  if (!values.jsonl) throw new UsageError('compare: only --jsonl is supported');
  const vectors = loadVectors();
  const failed = await processJsonLines(process.stdin, process.stdout, process.stderr, compareLine, ({ id, a, b }) => {
    const r = compareStatements(a, b, vectors);
    return { id, score: r.score, same: r.same, relation: r.relation };
  });
  return failed > 0 ? 1 : 0;
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
    if (err instanceof UsageError) {
      process.stderr.write(`retold: ${err.message}\n\n${usage}`);
      return 2;
    }
    throw err;
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
