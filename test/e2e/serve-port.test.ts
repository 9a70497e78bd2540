/** `retold serve` on a port that is taken: one line on stderr, exit 2, and no database created. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'retold-port-'));
let holder: Server | undefined;
afterAll(() => {
  holder?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('retold serve on a busy port', () => {
  it('says so in one line, exits 2 and leaves no database behind', async () => {
    holder = createServer();
    const port = await new Promise<number>((resolve) =>
      holder!.listen(0, '127.0.0.1', () => resolve((holder!.address() as { port: number }).port)),
    );
    const dbPath = join(dir, 'var', 'retold.sqlite');
    const r = await runCli(['serve'], { RETOLD_DB: dbPath, RETOLD_HOST: '127.0.0.1', RETOLD_PORT: String(port) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
    expect(r.stdout).not.toMatch(/password|serving/);
    expect(existsSync(join(dir, 'var'))).toBe(false);
  }, 120_000);
});
