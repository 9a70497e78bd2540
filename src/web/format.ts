/** Small display helpers available in every view. */

/** "2025-03-20" → "20 Mar 2025"; null → "undated". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * A share (0–1) as a percentage that never rounds to a whole it is not:
 * 0.9975 → "99.8 %", 0.99996 → "> 99.9 %", 1 → "100 %", 0.0004 → "< 0.1 %".
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  if (share >= 1) return '100 %';
  if (share <= 0) return '0 %';
  const p = share * 100;
  if (p >= 99.95) return '> 99.9 %';
  if (p < 0.05) return '< 0.1 %';
  return `${p.toFixed(1).replace(/\.0$/, '')} %`;
}

/**
 * The Internet Archive's copies of a web address: the capture nearest the
 * publication day when it is known (the Wayback Machine redirects to it),
 * else the list of every capture. Other schemes have no archive link.
 */
export function archiveUrl(url: string | null | undefined, published?: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const day = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10).replace(/-/g, '') : '*';
  return `https://web.archive.org/web/${day}/${url}`;
}
