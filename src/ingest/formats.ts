/**
 * ingest: uploads and pastes to article inputs — decode the bytes, reject
 * what is not text, pick the format (extension, then declared type, then the
 * content itself) and convert it.
 */
import { IngestError, type ArticleInput } from './article.js';
import { extractHtml } from './html.js';
import { parseJsonArticles } from './json-input.js';
import { convertMarkdown } from './markdown.js';

/** The default largest upload, paste or fetched page (RETOLD_MAX_UPLOAD_MB); callers pass the configured one. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** The fewest words an article may hold; less is refused (422) rather than stored as a stub. */
export const MIN_ARTICLE_WORDS = 2;

/** One uploaded file as the web layer receives it. */
export interface Upload {
  name: string;
  /** the declared media type, when the client sent one */
  type?: string;
  bytes: Uint8Array;
}

type Format = 'txt' | 'md' | 'html' | 'json';

// Magic numbers of common binary files people upload by mistake.
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF file (WebP, WAV or AVI)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word/OpenDocument file)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office document' },
  { bytes: [0x49, 0x44, 0x33], what: 'an MP3 audio file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], what: 'an Ogg media file' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2 archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

const EXTENSIONS: Record<string, Format> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
};
const TYPES: Record<string, Format> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/json': 'json',
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Decode upload bytes to text, rejecting binary files (415) and invalid text
 * (400). A byte-order mark picks the encoding (UTF-8, UTF-16 LE or BE) and is
 * dropped; UTF-16 is checked to be UTF-16 — eight-bit text behind a stray
 * FF FE would otherwise decode to a few CJK-looking characters.
 */
function decode(upload: Upload, maxBytes: number): string {
  const { bytes, name } = upload;
  if (bytes.length === 0) throw new IngestError(`ingest: "${name}" is empty`);
  if (bytes.length > maxBytes)
    throw new IngestError(
      `ingest: "${name}" is larger than the limit of ${maxBytes} bytes (RETOLD_MAX_UPLOAD_MB)`,
      413,
    );
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) throw new IngestError(`ingest: "${name}" is ${magic.what}, not text`, 415);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return decodeUtf16(bytes, name, bytes[0] === 0xff);
  if (bytes.subarray(0, 65536).includes(0))
    throw new IngestError(`ingest: "${name}" is a binary file (it holds NUL bytes), not text`, 415);
  let text: string;
  try {
    // the UTF-8 byte-order mark (EF BB BF) is dropped by the decoder
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(`ingest: "${name}" is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
  return checkText(text, name);
}

function decodeUtf16(bytes: Uint8Array, name: string, littleEndian: boolean): string {
  const label = littleEndian ? 'UTF-16 LE' : 'UTF-16 BE';
  const notUtf16 = () =>
    new IngestError(`ingest: "${name}" begins with a ${label} byte-order mark but is not ${label} text`);
  if (bytes.length % 2 !== 0) throw notUtf16();
  // Latin-script UTF-16 has a zero in (nearly) every other byte; eight-bit text
  // has printable ASCII in both bytes of most code units
  let asciiPairs = 0;
  const units = Math.min(bytes.length, 65536) / 2 - 1;
  for (let i = 2; i + 1 < Math.min(bytes.length, 65536); i += 2) {
    if (bytes[i] >= 0x20 && bytes[i] < 0x7f && bytes[i + 1] >= 0x20 && bytes[i + 1] < 0x7f) asciiPairs += 1;
  }
  if (units > 0 && asciiPairs / units > 0.5) throw notUtf16();
  let text: string;
  try {
    text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf16();
  }
  return checkText(text, name);
}

/**
 * Decoded text must be text: many control characters (other than line breaks
 * and tabs) mean a binary or mis-decoded file; a stray one is left to
 * normalization.
 */
function checkText(text: string, name: string): string {
  const head = text.slice(0, 65536);
  const controls = head.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
  if (controls > Math.max(2, head.length / 100))
    throw new IngestError(
      `ingest: "${name}" holds ${controls} control character${controls === 1 ? '' : 's'}; it does not decode to text`,
      415,
    );
  return text;
}

/** Refuse an article with too little text to analyse. */
function checkWords(text: string, name: string): void {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words === 0) throw new IngestError(`ingest: "${name}" has no article text`, 422);
  if (words < MIN_ARTICLE_WORDS)
    throw new IngestError(
      `ingest: "${name}" has too little text (${words} word${words === 1 ? '' : 's'}; at least ${MIN_ARTICLE_WORDS} are needed)`,
      422,
    );
}

/**
 * Guess the format of text from its content: HTML when it opens like a page or
 * is mostly tags, JSON when it parses as an object or array, Markdown when it
 * uses headings, links or emphasis markup, otherwise plain text.
 */
export function sniffFormat(text: string): Format {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head)) return 'html';
  if (/^[[{]/.test(head)) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object') return 'json';
    } catch {
      // Not JSON: read it as text.
    }
  }
  const tags = head.match(/<\/?(?:p|div|article|section|span|a|h[1-6]|br|li|ul|table|main)\b[^>]*>/gi) ?? [];
  if (tags.length >= 3 && /^</.test(head)) return 'html';
  const markdownSigns =
    (/^#{1,6}\s+\S/m.test(head) ? 2 : 0) +
    (/\[[^\]\n]+\]\([^)\s]+\)/.test(head) ? 2 : 0) +
    (/(?:\*\*|__)\S[^*\n]*\S(?:\*\*|__)/.test(head) ? 1 : 0) +
    (/^\s{0,3}(?:[-*+]|\d+\.)\s+\S/m.test(head) ? 1 : 0) +
    (/^>\s/m.test(head) ? 1 : 0) +
    (/^```/m.test(head) ? 1 : 0);
  return markdownSigns >= 2 ? 'md' : 'txt';
}

function pickFormat(upload: Upload, text: string): Format {
  const ext = /\.([a-z0-9]+)$/i.exec(upload.name)?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext];
  const type = upload.type?.split(';')[0].trim().toLowerCase();
  if (type && TYPES[type] && type !== 'text/plain') return TYPES[type];
  return sniffFormat(text);
}

function convert(text: string, format: Format, name: string): ArticleInput[] {
  switch (format) {
    case 'html':
      return [extractHtml(text, name)];
    case 'json':
      return parseJsonArticles(text, name);
    case 'md': {
      const md = convertMarkdown(text);
      const meta = md.meta;
      return [
        {
          title: md.title,
          author: meta.author ?? null,
          outlet: meta.outlet ?? meta.site ?? null,
          published: meta.published ?? meta.date ?? null,
          url: meta.url ?? null,
          text: md.text,
          original: text,
          format: 'md',
        },
      ];
    }
    default:
      return [{ text, original: text, format: 'txt' }];
  }
}

/**
 * Parse an uploaded file into article inputs (one, or several for a JSON
 * array). Throws IngestError: empty (400), binary such as an image (415),
 * invalid UTF-8 or UTF-16 (400), malformed JSON or an item without text (400),
 * no article text or too little of it (422), larger than maxBytes (413).
 */
export function parseUpload(upload: Upload, maxBytes: number = MAX_INPUT_BYTES): ArticleInput[] {
  const text = decode(upload, maxBytes);
  if (!text.trim()) throw new IngestError(`ingest: "${upload.name}" is empty`);
  const inputs = convert(text, pickFormat(upload, text), upload.name);
  for (const input of inputs) {
    if (!input.text.trim()) throw new IngestError(`ingest: "${upload.name}" has no article text`, 422);
    checkWords(input.text, upload.name);
  }
  return inputs;
}

/** Parse pasted text: HTML and JSON are recognized from the content, anything else is plain text or Markdown. */
export function parsePaste(text: string, maxBytes: number = MAX_INPUT_BYTES): ArticleInput[] {
  if (typeof text !== 'string' || !text.trim()) throw new IngestError('ingest: the pasted text is empty');
  if (Buffer.byteLength(text) > maxBytes)
    throw new IngestError(
      `ingest: the pasted text is larger than the limit of ${maxBytes} bytes (RETOLD_MAX_UPLOAD_MB)`,
      413,
    );
  const inputs = convert(checkText(text, 'pasted text'), sniffFormat(text), 'pasted text');
  for (const input of inputs) {
    if (!input.text.trim()) throw new IngestError('ingest: the pasted text has no article text', 422);
    checkWords(input.text, 'pasted text');
  }
  return inputs;
}
