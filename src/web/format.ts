/** Small display helpers available in every view. */

/** "2025-03-20" → "20 Mar 2025"; null → "undated". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
