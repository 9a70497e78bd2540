/**
 * speakers: the matching key of a speaker name, robust to transliteration
 * variants (al-Yasser / al-Yasir / Yasser, Kataeb / Kataib, Qassem / Qasem),
 * and the name words that identity is decided on. Pure functions over strings.
 */
import { removeInvisible } from '../ingest/fields.js';

// Arabic article and similar particles that outlets keep or drop at will.
const droppedWords = new Set(['al', 'el', 'the']);
const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);

/** Titles and roles written before a name; they say what someone is, not who. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sheikh',
  'gen',
  'general',
  'president',
  'prime',
  'minister',
  'secretary',
  'spokesman',
  'spokeswoman',
  'sen',
  'rep',
  'col',
  'lt',
  'sir',
]);

/**
 * Fold one word to a consonant skeleton: first letter kept (so "Abu" and
 * "Bu" stay apart), later vowels and y/w dropped, doubled letters collapsed,
 * q/c folded into k and ph into f. Romanizations of Arabic names differ
 * mostly in vowels and gemination, which this removes.
 */
function foldWord(word: string): string {
  const w = word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/[qc]/g, 'k')
    .replace(/kh/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't');
  let out = w[0] ?? '';
  for (let i = 1; i < w.length; i += 1) {
    const ch = w[i];
    if (vowels.has(ch)) continue;
    if (out[out.length - 1] === ch) continue;
    out += ch;
  }
  return out;
}

/**
 * A matching key for a speaker name, robust to transliteration variants:
 * case, accents, `al-`/`el-` prefixes, vowels and doubled letters do not count.
 * speakerKey('Firas al-Yasser') === speakerKey('Firas al-Yasir').
 */
export function speakerKey(name: string): string {
  if (typeof name !== 'string') return '';
  // the same few names are keyed over and over while an article is read
  const known = keyCache.get(name);
  if (known !== undefined) return known;
  const key = computeSpeakerKey(name);
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 20_000;

function computeSpeakerKey(name: string): string {
  // zero-width and bidi controls would split a name into two words
  const plain = removeInvisible(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʼʿʾ]/g, '');
  const words = plain.split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !droppedWords.has(w));
  return words.map(foldWord).join(' ');
}

/** Lower-case name words without titles and without "al-"-style prefixes. */
export function splitSpeakerName(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s.]+/)
    .map((w) => w.replace(/^(al|el|ad|as|ash|at|az|an|ar)-/, '').replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((w) => w && !TITLES.has(w));
}

/**
 * The folded words of a name, titles aside: what speaker identity is decided
 * on. Remembered per name like the key: resolving one speaker compares its
 * name with every known speaker's names, so the same names are split again
 * and again. The array is shared: callers only read it.
 */
export function speakerWords(name: string): readonly string[] {
  let words = wordsCache.get(name);
  if (words === undefined) {
    words = Object.freeze(speakerKey(splitSpeakerName(name).join(' ')).split(' ').filter(Boolean));
    if (wordsCache.size >= KEY_CACHE_SIZE) wordsCache.clear();
    wordsCache.set(name, words);
  }
  return words;
}

const wordsCache = new Map<string, readonly string[]>();

/** A name's surname as speaker identity reads it: the last of its folded words ('' when it has none). */
export function speakerSurname(name: string): string {
  const words = speakerWords(name);
  return words[words.length - 1] ?? '';
}
