/**
 * annotations/history: an annotation's recorded change as lines a reader can
 * follow ("Tag: none → Loaded term"), instead of the stored snapshots. Pure.
 */

/** One changed property of an annotation. */
export interface HistoryLine {
  label: string;
  before: string | null;
  after: string;
}

type Snapshot = Record<string, unknown> | null;
const asSnapshot = (v: unknown): Snapshot => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);

const words = (s: Snapshot): string | null => {
  if (!s || typeof s.exact !== 'string') return null;
  return `“${s.exact}” (characters ${String(s.start)}–${String(s.end)})`;
};
const otherWords = (s: Snapshot): string | null => {
  const o = s?.other as { articleId?: unknown; exact?: unknown } | null | undefined;
  return o && typeof o.exact === 'string' ? `“${o.exact}” in article ${String(o.articleId)}` : null;
};
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The lines of one history entry: on creation every property set, after that
 * only the ones that changed, before and after. `tagLabel` names a tag id.
 */
export function describeHistoryEntry(
  beforeValue: unknown,
  afterValue: unknown,
  tagLabel: (id: string) => string,
): HistoryLine[] {
  const before = asSnapshot(beforeValue);
  const after = asSnapshot(afterValue);
  const tag = (s: Snapshot) => (text(s?.tagId) ? tagLabel(s!.tagId as string) : null);
  const fields: [string, (s: Snapshot) => string | null][] = [
    ['Words', words],
    ['Paired with', otherWords],
    ['Tag', tag],
    // a note hidden from this reader (replaced or removed since) is said to be there, not shown
    ['Note', (s) => (s?.noteHidden ? '(a note shown to reviewers only)' : text(s?.note))],
    ['Status', (s) => text(s?.status)],
  ];
  const lines: HistoryLine[] = [];
  for (const [label, read] of fields) {
    const was = before ? read(before) : null;
    const now = after ? read(after) : null;
    if (was === now) continue;
    if (!before && now === null) continue;
    lines.push({ label, before: before ? (was ?? 'none') : null, after: now ?? 'none' });
  }
  return lines;
}
