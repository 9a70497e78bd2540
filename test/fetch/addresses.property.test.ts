/**
 * Property test of the address check of import by URL (issue 17, finding 7):
 * over generated spellings of IPv4 and IPv6 addresses — dotted, integer,
 * hex, octal and short IPv4 forms, IPv4-mapped, -compatible, -translated,
 * NAT64 and 6to4 IPv6 forms, compressed or expanded, any case, leading
 * zeros — read through the URL parser as a fetch reads them, a host is
 * refused exactly when the IPv4 or IPv6 address it names is in a refused
 * range. The ranges are written again here as plain number intervals, apart
 * from the BlockList the code uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusedAddressLiteral } from '../../src/fetch/url.js';

// [first address, prefix length] of every refused IPv4 range
const v4Ranges: [number, number][] = [
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
].map(([a, p]) => [toNumber(a as string), p as number]);

function toNumber(dotted: string): number {
  return dotted.split('.').reduce((n, b) => n * 256 + Number(b), 0);
}
const inRange = (n: number, [start, prefix]: [number, number]) =>
  Math.floor(n / 2 ** (32 - prefix)) === Math.floor(start / 2 ** (32 - prefix));
const refusedV4 = (n: number) => v4Ranges.some((r) => inRange(n, r));

const bytes = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const hex4 = (n: number) => [((n >>> 16) & 0xffff).toString(16), (n & 0xffff).toString(16)];

/** Ways to write one IPv4 address in a URL host that all mean it. */
function v4Spellings(n: number, pick: number): string {
  const [a, b, c, d] = bytes(n);
  const [hi, lo] = hex4(n);
  const forms = [
    `${a}.${b}.${c}.${d}`,
    String(n),
    `0x${n.toString(16)}`,
    `0x${a.toString(16)}.0x${b.toString(16)}.0x${c.toString(16)}.0x${d.toString(16)}`,
    `0${a.toString(8)}.0${b.toString(8)}.0${c.toString(8)}.0${d.toString(8)}`,
    `${a}.${b}.${(c << 8) | d}`,
    `${a}.${(b << 16) | (c << 8) | d}`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
    `[::ffff:${hi}:${lo}]`,
    `[0:0:0:0:0:FFFF:${hi.toUpperCase()}:${lo.padStart(4, '0')}]`,
    `[::ffff:0:${a}.${b}.${c}.${d}]`,
    `[64:ff9b::${a}.${b}.${c}.${d}]`,
    `[2002:${hi}:${lo}::1]`,
  ];
  return forms[pick % forms.length];
}

const v4 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const refusedV4Address = fc
  .tuple(fc.constantFrom(...v4Ranges), fc.integer({ min: 0, max: 2 ** 32 - 1 }))
  .map(([[start, prefix], bits]) => start + (prefix === 32 ? 0 : bits % 2 ** (32 - prefix)));

const refused = (host: string) => refusedAddressLiteral(new URL(`http://${host}/`)) !== undefined;

describe('the address check of import by URL', () => {
  it('refuses an IPv4 address in any spelling exactly when it is in a refused range', () => {
    fc.assert(
      fc.property(v4, fc.nat(), (n, pick) => {
        expect(refused(v4Spellings(n, pick))).toBe(refusedV4(n));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every address drawn from a refused IPv4 range, in every spelling', () => {
    fc.assert(
      fc.property(refusedV4Address, fc.nat(), (n, pick) => {
        expect(refused(v4Spellings(n, pick))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every IPv4-compatible form (::a.b.c.d), [::127.0.0.1] included', () => {
    expect(refused('[::127.0.0.1]')).toBe(true);
    fc.assert(
      fc.property(v4, (n) => {
        const [a, b, c, d] = bytes(n);
        expect(refused(`[::${a}.${b}.${c}.${d}]`)).toBe(true);
      }),
    );
  });

  const group = fc.integer({ min: 0, max: 0xffff });
  /** An IPv6 address with the given first group(s) masked in, written in a random way. */
  const v6In = (first: number, prefixBits: number) =>
    fc.tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.nat(), fc.boolean()).map(([g, zeroRun, upper]) => {
      const mask = prefixBits >= 16 ? 0xffff : (0xffff << (16 - prefixBits)) & 0xffff;
      g[0] = (first & mask) | (g[0] & ~mask & 0xffff);
      if (zeroRun % 3 === 0) g[3] = g[4] = g[5] = 0;
      let text = g.map((x) => (zeroRun % 2 ? x.toString(16).padStart(4, '0') : x.toString(16))).join(':');
      if (zeroRun % 3 === 0) text = text.replace(/(^|:)0{1,4}:0{1,4}:0{1,4}(:|$)/, '::');
      return `[${upper ? text.toUpperCase() : text}]`;
    });

  it.each([
    ['unique-local fc00::/7', 0xfc00, 7],
    ['link-local fe80::/10', 0xfe80, 10],
    ['site-local fec0::/10', 0xfec0, 10],
    ['multicast ff00::/8', 0xff00, 8],
  ])('refuses every %s address in any spelling', (_name, first, bits) => {
    fc.assert(
      fc.property(v6In(first, bits), (host) => {
        expect(refused(host)).toBe(true);
      }),
    );
  });

  it('lets public IPv6 addresses through (2000::/3 outside the special ranges)', () => {
    fc.assert(
      fc.property(v6In(0x2400, 6), (host) => {
        expect(refused(host)).toBe(false);
      }),
    );
  });

  it.each(['[::1]', '[::]', '[0:0:0:0:0:0:0:1]', '[::0:1]', '[0000::0001]', 'localhost.'])(
    'refuses or leaves to the lookup %s',
    (host) => {
      // names (localhost.) are not literals: the connection's lookup refuses them
      expect(refused(host)).toBe(!host.startsWith('localhost'));
    },
  );
});
