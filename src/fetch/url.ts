/**
 * fetch: download one web page for import, within limits — a timeout over the
 * whole exchange, a byte cap on the body, a redirect limit, http(s) only, and
 * (unless allowed) no hosts that resolve to loopback, private, link-local,
 * unique-local or unspecified addresses, checked again at every redirect.
 * This is the one ingest step that does I/O.
 *
 * The address check resolves the name before fetch resolves it again, so a
 * host that changes its answer between the two (DNS rebinding) is not caught;
 * deployments that need that guarantee should also block private ranges at
 * the network level.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { IngestError } from '../ingest/article.js';

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

// Special-purpose ranges (RFC 6890): none of them is a public web server.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, if any. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const hi = parseInt(hex[1], 16);
  const lo = parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for loopback, private, link-local, unique-local, unspecified and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    return v4 ? blocked.check(v4, 'ipv4') : blocked.check(address, 'ipv6');
  }
  return false;
}

async function checkHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError(`fetch: only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new IngestError(`fetch: the host ${host} could not be found`);
    }
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad) {
    throw new IngestError(`fetch: refusing ${host}: it resolves to ${bad}, a loopback, private or link-local address`);
  }
}

function parseUrl(value: string, base?: string): URL {
  try {
    return new URL(value, base);
  } catch {
    throw new IngestError(`fetch: not a valid address: ${JSON.stringify(value.slice(0, 200))}`);
  }
}

/** A file name for the page: the last path segment, else the host. */
function nameFor(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/[^\w.\-]+/g, '_');
  return last || url.hostname;
}

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = (): IngestError => new IngestError(`fetch: ${url} is larger than the limit of ${maxBytes} bytes`, 413);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/**
 * Fetch a web page within the given limits, following up to maxRedirects
 * redirects and checking each new address. Throws IngestError: bad address or
 * scheme, private host, too many redirects (400); body over maxBytes (413);
 * an error status from the site (502); no answer within timeoutMs (504).
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<FetchedFile> {
  let current = parseUrl(url.trim());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    for (let hops = 0; ; hops++) {
      await checkHost(current, opts.allowPrivate);
      const res = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/json;q=0.8,*/*;q=0.1', 'user-agent': 'retold (article import)' },
      });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new IngestError(`fetch: ${current.href} redirects without a location`, 502);
        if (hops + 1 > opts.maxRedirects) throw new IngestError(`fetch: ${url} redirects more than ${opts.maxRedirects} times`);
        current = parseUrl(location, current.href);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new IngestError(`fetch: ${current.href} answered HTTP ${res.status}`, 502);
      }
      const bytes = await readCapped(res, opts.maxBytes, current.href);
      return { name: nameFor(current), type: res.headers.get('content-type') ?? '', bytes, url: current.href };
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (controller.signal.aborted) throw new IngestError(`fetch: ${url} did not answer within ${opts.timeoutMs} ms`, 504);
    throw new IngestError(`fetch: ${url} could not be fetched (${(err as Error).message})`, 502);
  } finally {
    clearTimeout(timer);
  }
}
