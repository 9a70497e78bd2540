/** memoize: a small bounded memo for pure functions of plain inputs. */

/**
 * A small bounded memo for the pure, NLP-heavy steps of a comparison. The same
 * comparisons are read far more often than articles change, and these steps
 * depend only on their text inputs, so nothing needs invalidating.
 */
export function memoize<A extends unknown[], R>(fn: (...args: A) => R, size: number): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(...args);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
