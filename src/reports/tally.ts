/** reports: counting annotations by tag. */
import type { ReportAnnotation, TagTally } from './model.js';

/** How often each tag is used, most used first, then by label. Untagged notes are not counted. */
export function tallyTags(
  annotations: readonly Pick<ReportAnnotation, 'tagId' | 'tagLabel' | 'tagFamily'>[],
): TagTally[] {
  const byId = new Map<string, TagTally>();
  for (const a of annotations) {
    if (!a.tagId) continue;
    const t = byId.get(a.tagId) ?? { tagId: a.tagId, label: a.tagLabel ?? a.tagId, family: a.tagFamily, count: 0 };
    t.count += 1;
    byId.set(a.tagId, t);
  }
  return [...byId.values()].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label));
}
