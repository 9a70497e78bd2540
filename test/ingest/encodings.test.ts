/** Byte-order marks, decoded text checked, too little text, and the configured size limit. */
import { describe, expect, it } from 'vitest';
import { parsePaste, parseUpload, IngestError } from '../../src/ingest/index.js';

const text = 'The harbour reopened on Sunday, officials said. "We are back," the harbour master told reporters.';

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

function refusal(run: () => unknown): IngestError {
  try {
    run();
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('decoding uploads', () => {
  it.each([
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16 LE with a byte-order mark', utf16(text, true)],
    ['UTF-16 BE with a byte-order mark', utf16(text, false)],
  ])('reads %s as the same text, mark dropped', (_name, bytes) => {
    const [input] = parseUpload({ name: 'a.txt', bytes });
    expect(input.text).toBe(text);
  });

  it('refuses eight-bit text behind a stray FF FE mark instead of storing CJK-looking garbage', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode('Hello world, this is plain text.')]);
    const err = refusal(() => parseUpload({ name: 'a.txt', bytes }));
    expect(err.message).toMatch(/UTF-16 LE byte-order mark but is not UTF-16 LE text/);
    expect(err.status).toBe(400);
  });

  it('refuses UTF-16 with an odd number of bytes', () => {
    const bytes = utf16(text, true).subarray(0, 41);
    expect(refusal(() => parseUpload({ name: 'a.txt', bytes })).message).toMatch(/not UTF-16 LE text/);
  });

  it('refuses a text of control characters as not text', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 7) + 1);
    expect(refusal(() => parseUpload({ name: 'a.bin', bytes })).status).toBe(415);
  });

  it.each([
    ['one word', '   Headline   '],
    ['one number', '2024'],
  ])('refuses %s as too little text, with 422', (_name, body) => {
    const err = refusal(() => parseUpload({ name: 'a.txt', bytes: new TextEncoder().encode(body) }));
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/too little text \(\d words?; at least 2 are needed\)/);
    expect(refusal(() => parsePaste(body)).status).toBe(422);
  });

  it('honours the configured size limit above and below the default', () => {
    const big = new TextEncoder().encode(`${text}\n\n`.repeat(70_000)); // about 7 MB
    expect(refusal(() => parseUpload({ name: 'big.txt', bytes: big })).status).toBe(413);
    expect(parseUpload({ name: 'big.txt', bytes: big }, 8 * 1024 * 1024)).toHaveLength(1);
    const err = refusal(() => parseUpload({ name: 'a.txt', bytes: new TextEncoder().encode(text) }, 50));
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/limit of 50 bytes \(RETOLD_MAX_UPLOAD_MB\)/);
    expect(refusal(() => parsePaste(text, 50)).status).toBe(413);
  });
});
