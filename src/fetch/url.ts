/**
 * fetch: download one web page for import, within limits — a timeout over the
 * whole exchange, a byte cap on the body, a redirect limit, http(s) only (the
 * one web-address rule of src/ingest/web-address.ts), and (unless allowed) no
 * host that is or resolves to a non-public address (src/fetch/addresses.ts),
 * checked again at every redirect. This is the one ingest step that does I/O.
 *
 * The connection goes to the address that was checked: the name is resolved
 * once, inside the connection's own `lookup`, and refused there if any of its
 * addresses is private; there is no separate check that a second resolution
 * could contradict (DNS rebinding). Address literals never reach a lookup, so
 * they are checked before connecting.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { IngestError } from '../ingest/article.js';
import { checkWebAddress } from '../ingest/web-address.js';
import { isPrivateAddress } from './addresses.js';

export { isPrivateAddress } from './addresses.js';

/** Limits for one fetch. */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** allow loopback and private addresses (tests, intranet deployments) */
  allowPrivate: boolean;
}

/** A fetched page, shaped like an upload so parseUpload can read it. */
export interface FetchedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
  /** the final address, after redirects */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const refusal = (host: string, address: string) =>
  new IngestError(`fetch: refusing ${host}: it resolves to ${address}, a loopback, private or link-local address`);

/**
 * A lookup for one connection: resolve the name, refuse it when any of its
 * addresses is private, and hand the checked addresses to the socket.
 */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family ?? 0 }, (err, found: LookupAddress[]) => {
      if (err || found.length === 0) return callback(err ?? new Error('no address'), '', 0);
      const bad = allowPrivate ? undefined : found.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(refusal(hostname, bad.address), '', 0);
      if (options.all) return callback(null, found);
      callback(null, found[0].address, found[0].family);
    });
  };
}

function parseUrl(value: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new IngestError(`fetch: not a valid address: ${JSON.stringify(value.slice(0, 200))}`);
  }
  const check = checkWebAddress(url.href);
  if (!check.ok) throw new IngestError(`fetch: ${check.error}`);
  return url;
}

/** A file name for the page: the last path segment, else the host. */
function nameFor(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/[^\w.\-]+/g, '_');
  return last || url.hostname;
}

/**
 * The address literal of a URL's host when it is a refused one (the URL
 * parser has already turned `0x7f.1`, `2130706433` and the like into
 * `127.0.0.1`); undefined for names and public addresses.
 */
export function refusedAddressLiteral(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) && isPrivateAddress(host) ? host : undefined;
}

/** One request, no redirect following, to the checked address. */
function request(url: URL, opts: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = opts.allowPrivate ? undefined : refusedAddressLiteral(url);
  if (literal) return Promise.reject(refusal(host, literal));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        // a fresh connection per request: a pooled socket could have been opened for another answer of the name
        agent: false,
        lookup: checkedLookup(opts.allowPrivate),
        signal,
        headers: {
          accept:
            'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/json;q=0.8,*/*;q=0.1',
          'accept-encoding': 'identity',
          'user-agent': 'retold (article import)',
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readCapped(res: IncomingMessage, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = (): IngestError =>
    new IngestError(`fetch: ${url} is larger than the limit of ${maxBytes} bytes`, 413);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res) {
    total += (chunk as Buffer).byteLength;
    if (total > maxBytes) {
      res.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * Fetch a web page within the given limits, following up to maxRedirects
 * redirects and checking each new address. Throws IngestError: bad address or
 * scheme, private host, unknown host, too many redirects (400); body over
 * maxBytes (413); an error status from the site (502); no answer within
 * timeoutMs (504).
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<FetchedFile> {
  let current = parseUrl(url.trim());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    for (let hops = 0; ; hops++) {
      const res = await request(current, opts, controller.signal);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy();
        const location = res.headers.location;
        if (!location) throw new IngestError(`fetch: ${current.href} redirects without a location`, 502);
        if (hops + 1 > opts.maxRedirects)
          throw new IngestError(`fetch: ${url} redirects more than ${opts.maxRedirects} times`);
        current = parseUrl(location, current.href);
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new IngestError(`fetch: ${current.href} answered HTTP ${status}`, 502);
      }
      const bytes = await readCapped(res, opts.maxBytes, current.href);
      return { name: nameFor(current), type: res.headers['content-type'] ?? '', bytes, url: current.href };
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (controller.signal.aborted)
      throw new IngestError(`fetch: ${url} did not answer within ${opts.timeoutMs} ms`, 504);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      throw new IngestError(`fetch: the host ${current.hostname} could not be found`);
    throw new IngestError(`fetch: ${url} could not be fetched (${(err as Error).message})`, 502);
  } finally {
    clearTimeout(timer);
  }
}
