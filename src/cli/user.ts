/** `retold user add|passwd|list|disable`: accounts. */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db.js';
import { AccountError, changePassword, createUser, disableUser, roleSchema } from '../corpus/users.js';
import { generatePassword } from '../auth/password.js';
import { listUsers } from '../store/users.js';
import { UsageError } from './usage-error.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/** Run the user command; resolves to the exit code. */
export async function runUser(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      role: { type: 'string', default: 'reviewer' },
      'password-stdin': { type: 'boolean', default: false },
      enable: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const [action, name] = positionals;
  const db = openDatabase(config.dbPath);
  try {
    if (action === 'list') {
      for (const u of listUsers(db))
        console.log(`${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.createdAt}`);
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
        console.log(
          `changed the password of ${name}; ended ${ended} session${ended === 1 ? '' : 's'} (every login of ${name} must sign in again)`,
        );
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
