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
