/**
 * fetch: which IP addresses import by URL refuses — every address that is
 * not a public web server: loopback, private (RFC 1918), carrier-grade NAT,
 * link-local, unique-local, site-local, unspecified, multicast, broadcast,
 * documentation, benchmarking and other special-purpose ranges (RFC 6890),
 * and every IPv6 form that carries an IPv4 address inside it — mapped
 * (`::ffff:127.0.0.1`), compatible (`::127.0.0.1`), translated
 * (`::ffff:0:127.0.0.1`), NAT64 (`64:ff9b::7f00:1`) and 6to4
 * (`2002:7f00:1::`) — judged by that IPv4 address. Teredo and the rest of
 * 2001::/23 are refused whole.
 */
import { BlockList, isIP } from 'node:net';

const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blockedV4.addSubnet(net, prefix, 'ipv4');

const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blockedV6.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail and :: expanded), or null. */
export function ipv6Groups(address: string): number[] | null {
  let a = address.toLowerCase();
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  if (isIP(a) !== 6) return null;
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (tail) {
    const [b0, b1, b2, b3] = tail.slice(1).map(Number);
    a = `${a.slice(0, tail.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, rest] = a.includes('::') ? a.split('::') : [a, null];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const fill = rest === null ? [] : new Array(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** The IPv4 address an IPv6 address carries (mapped, compatible, translated, NAT64, 6to4), if any. */
export function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return v4(g[6], g[7]); // ::ffff:a.b.c.d and ::a.b.c.d
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]); // ::ffff:0:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6], g[7]); // 64:ff9b::a.b.c.d
  if (g[0] === 0x2002) return v4(g[1], g[2]); // 2002:aabb:ccdd::
  return null;
}

/** True for every address import by URL refuses (see the module comment); false for public addresses and for non-addresses. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return blockedV4.check(bare, 'ipv4');
  const groups = ipv6Groups(bare);
  if (!groups) return false;
  const inner = embeddedIpv4(bare);
  if (inner && blockedV4.check(inner, 'ipv4')) return true;
  const plain = groups.map((x) => x.toString(16)).join(':');
  // ::a.b.c.d (IPv4-compatible, deprecated) is refused even with a public a.b.c.d: no web server has one
  return blockedV6.check(plain, 'ipv6');
}
