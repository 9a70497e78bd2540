/** `retold import-annotations FILE [--user NAME]`: import a Web Annotation export. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { importAnnotations } from '../corpus/annotation-import.js';
import { getUserByName } from '../store/users.js';
import { UsageError } from './usage-error.js';

/** Run the annotation import; returns the exit code. */
export function runImportAnnotations(config: Config, args: string[]): number {
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
    if (values.user === undefined)
      throw new UsageError(
        'import-annotations: give --user NAME (imported annotations belong to the user who imports them)',
      );
    const user = getUserByName(db, values.user);
    if (!user) throw new UsageError(`import-annotations: no user ${values.user}`);
    const report = importAnnotations(db, text, { id: user.id });
    if (!report.ok) {
      process.stderr.write(`${positionals[0]}: ${report.error}\n`);
      return 1;
    }
    for (const w of report.warnings) process.stderr.write(`${positionals[0]}: warning: ${w}\n`);
    for (const r of report.refused)
      process.stderr.write(
        `${positionals[0]}: annotation ${r.index + 1} (${r.id ?? 'no id'}) not imported: ${r.reason}\n`,
      );
    const orphaned = report.imported.filter((i) => i.placement === 'orphaned').length;
    console.log(
      `imported ${report.imported.length} (${orphaned} orphaned), already present ${report.present.length}, not imported ${report.refused.length}`,
    );
    return report.refused.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
