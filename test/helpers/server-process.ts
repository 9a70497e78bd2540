/**
 * The real server as a child process (`node --import tsx src/cli.ts serve`) on
 * 127.0.0.1 with a free port, and a small cookie-keeping HTTP client for it.
 * Used by the crash, backup and load checks, which need a process to kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A started server process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** the first admin's password, printed on the first start only */
  adminPassword: string | undefined;
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited within the grace time; resolves with the exit code or signal */
  stop: (graceMs?: number) => Promise<number | string | null>;
  /** SIGKILL now; resolves when it has exited */
  kill: () => Promise<void>;
}

/** Run the retold CLI with these arguments and environment; resolves with its exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/**
 * Start `retold serve` with RETOLD_PORT=0 and wait for its "serving http://…"
 * line. Rejects (and kills the child) when it exits first or takes too long.
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, RETOLD_HOST: '127.0.0.1', RETOLD_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /serving (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const password = /password "([^"]+)"/.exec(out)?.[1];
        resolvePromise({ child, url: m[1], adminPassword: password, output: () => out, stop, kill });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before serving:\n${out}`));
    });
  });
}

/** A minimal HTTP client that keeps the session cookie and sends the CSRF header. */
export interface Client {
  request: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown; text: string }>;
  cookie: () => string;
  csrf: () => string;
}

/** Log in through `GET /api/me` (anonymous CSRF token) and `POST /api/login`. */
export async function logIn(url: string, username: string, password: string): Promise<Client> {
  const cookies = new Map<string, string>();
  let csrf = '';
  const request: Client['request'] = async (method, path, body) => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a page)
    }
    return { status: res.status, body: parsed, text };
  };
  const me = await request('GET', '/api/me');
  csrf = (me.body as { csrfToken: string }).csrfToken;
  const login = await request('POST', '/api/login', { username, password });
  if (login.status !== 200) throw new Error(`login as ${username} failed: ${login.status} ${login.text}`);
  csrf = (login.body as { csrfToken: string }).csrfToken;
  return { request, cookie: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf: () => csrf };
}
