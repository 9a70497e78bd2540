/**
 * The README's quick start, as a user runs it: `npm start` on a fresh
 * database serves the five sample articles. (The install half, `npm install`,
 * is what CI's clean `npm ci` does before the tests.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { logIn } from '../helpers/server-process.js';

describe('quick start', () => {
  it('npm start creates the database, loads the samples, serves them and imports with its compiled workers', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'retold-start-')), 'retold.sqlite');
    const child = spawn('npm', ['start', '--silent'], {
      cwd: projectRoot,
      env: { ...process.env, RETOLD_DB: dbPath, RETOLD_PORT: '0', RETOLD_HOST: '127.0.0.1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
      });
      expect(output).toContain('loaded 5 sample articles');
      const res = await fetch(`${url}/api/articles`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { articles: { title: string }[] };
      expect(body.articles).toHaveLength(5);
      expect(body.articles.map((a) => a.title)).toContain('Iraq Demands the Withdrawal of U.S. Troops');
      const home = await (await fetch(url)).text();
      expect(home).toContain('Articles (5)');
      // an import is analysed by the compiled worker thread (dist/src/workers/analysis-worker.js)
      const password = /password "([^"]+)"/.exec(output)?.[1];
      expect(password).toBeDefined();
      const admin = await logIn(url, 'admin', password!);
      const text =
        'The port reopened on Sunday.\n\n"We are back in business," the harbour master, Ana Ruiz, told reporters.';
      const imported = await admin.request('POST', '/api/articles', {
        title: 'Port reopens',
        outlet: 'Test Wire',
        text,
      });
      expect(imported.status, imported.text).toBe(201);
      const speakers = (await admin.request('GET', '/api/speakers')).body as { speakers: { name: string }[] };
      expect(JSON.stringify(speakers)).toContain('Ana Ruiz');
    } finally {
      try {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }, 180_000);
});
