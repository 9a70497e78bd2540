/**
 * Anchoring annotations by position and by quote, and finding them again after
 * the text changes. Follows the W3C Web Annotation model (a TextPositionSelector
 * and a TextQuoteSelector with prefix and suffix) and the way hypothesis/h
 * re-anchors: the exact quote first, preferring the occurrence whose context
 * matches and that lies nearest the old position; then an approximate match
 * within a bounded edit distance; else the annotation is orphaned, never moved
 * somewhere arbitrary.
 */

/** How many characters of context are kept on each side of a span. */
export const contextLength = 32;

/**
 * A span anchored by position and by quote: the W3C TextPositionSelector
 * (start, end) and TextQuoteSelector (exact, prefix, suffix) in one. The one
 * selector type; stored annotations, report spans and imported targets extend it.
 */
export interface TextAnchor {
  start: number;
  /** End exclusive. */
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where an annotation landed in the new text. */
export type ReanchorResult =
  | ({ status: 'unchanged' | 'moved' } & TextAnchor)
  | ({ status: 'fuzzy'; distance: number } & TextAnchor)
  | ({ status: 'orphaned' } & TextAnchor);

/** The quote selector of text[start, end): the exact words and up to 32 characters either side. */
export function describeSpan(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`annotations: span ${start}–${end} is not inside a text of ${text.length} characters`);
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
  };
}

/** Length of the common ending of a and b. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common beginning of a and b. */
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the context around text[start, end) matches the anchor's prefix and suffix (0–1). */
function scoreContext(anchor: TextAnchor, text: string, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - anchor.prefix.length), start);
  const after = text.slice(end, end + anchor.suffix.length);
  const total = anchor.prefix.length + anchor.suffix.length;
  if (total === 0) return 0;
  return (commonSuffixLength(anchor.prefix, before) + commonPrefixLength(anchor.suffix, after)) / total;
}

/** At most this many occurrences of a quote are weighed (a very common word in a long text). */
const maxOccurrences = 2000;

/** Every start of needle in text, up to the cap. */
function findOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0 && out.length < maxOccurrences; i = text.indexOf(needle, i + 1))
    out.push(i);
  return out;
}

/** The best exact occurrence: best context first, then nearest the old start. */
function findExact(anchor: TextAnchor, text: string): number | undefined {
  let best: { at: number; score: number; shift: number } | undefined;
  for (const at of findOccurrences(text, anchor.exact)) {
    const score = scoreContext(anchor, text, at, at + anchor.exact.length);
    const shift = Math.abs(at - anchor.start);
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && shift < best.shift))
      best = { at, score, shift };
  }
  return best?.at;
}

/** The edit distance allowed for a quote of this length: about one edit in five characters. */
export function allowedDistance(length: number): number {
  return length < 8 ? 0 : Math.floor(length / 5);
}

/** Work budget of the approximate search, in DP cells (keeps it to a few tens of milliseconds). */
const cellBudget = 8_000_000;

/**
 * The substring of text[from, to) nearest in edit distance to the pattern
 * (Sellers' algorithm: Levenshtein where the match may start anywhere),
 * with the start of each match tracked alongside the distance. Among equally
 * close matches the one nearest `center` wins.
 */
export function findApproximate(
  pattern: string,
  text: string,
  from: number,
  to: number,
  maxDistance: number,
  center: number,
): { start: number; end: number; distance: number } | undefined {
  const m = pattern.length;
  if (m === 0 || to <= from) return undefined;
  let dist = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextDist = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    dist[i] = i;
    origin[i] = from;
  }
  let best: { start: number; end: number; distance: number } | undefined;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    nextDist[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      // substitution or match
      let d = dist[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let o = origin[i - 1];
      // a text character left out of the match
      if (dist[i] + 1 < d) {
        d = dist[i] + 1;
        o = origin[i];
      }
      // a pattern character missing from the text
      if (nextDist[i - 1] + 1 < d) {
        d = nextDist[i - 1] + 1;
        o = nextOrigin[i - 1];
      }
      nextDist[i] = d;
      nextOrigin[i] = o;
    }
    const d = nextDist[m];
    if (d <= maxDistance) {
      const start = nextOrigin[m];
      const end = j + 1;
      const shift = Math.abs(start - center);
      if (!best || d < best.distance || (d === best.distance && shift < Math.abs(best.start - center)))
        best = { start, end, distance: d };
    }
    [dist, nextDist] = [nextDist, dist];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  return best;
}

/** Only the anchor fields of a larger object. */
export function pickAnchor(a: TextAnchor): TextAnchor {
  return { start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
}

/** Where the span probably is now: after its prefix or before its suffix if those survive, else the old start. */
function guessPosition(anchor: TextAnchor, text: string): number {
  const nearest = (hits: number[]): number | undefined =>
    hits.length ? hits.reduce((a, b) => (Math.abs(b - anchor.start) < Math.abs(a - anchor.start) ? b : a)) : undefined;
  if (anchor.prefix.length >= 16) {
    const p = nearest(findOccurrences(text, anchor.prefix).map((i) => i + anchor.prefix.length));
    if (p !== undefined) return p;
  }
  if (anchor.suffix.length >= 16) {
    const s = nearest(findOccurrences(text, anchor.suffix).map((i) => i - anchor.exact.length));
    if (s !== undefined) return Math.max(0, s);
  }
  return Math.min(anchor.start, text.length);
}

/**
 * Find an annotation's span in a changed text. Pure and bounded: the exact
 * search is linear, the approximate one looks only at a window around the
 * likely position and stops at a fixed amount of work.
 */
export function reanchor(anchor: TextAnchor, newText: string): ReanchorResult {
  const exactAt = findExact(anchor, newText);
  if (exactAt !== undefined) {
    const span = describeSpan(newText, exactAt, exactAt + anchor.exact.length);
    const unchanged = exactAt === anchor.start && span.prefix === anchor.prefix && span.suffix === anchor.suffix;
    return { status: unchanged ? 'unchanged' : 'moved', ...span };
  }
  const m = anchor.exact.length;
  const k = allowedDistance(m);
  if (k > 0 && newText.length > 0) {
    const center = guessPosition(anchor, newText);
    const radius = Math.max(m + k, Math.min(4000, Math.floor(cellBudget / m / 2)));
    const from = Math.max(0, center - radius);
    const to = Math.min(newText.length, center + m + radius);
    const hit = findApproximate(anchor.exact, newText, from, to, k, center);
    if (hit && hit.end > hit.start)
      return { status: 'fuzzy', distance: hit.distance, ...describeSpan(newText, hit.start, hit.end) };
  }
  return { ...pickAnchor(anchor), status: 'orphaned' };
}
