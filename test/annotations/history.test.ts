import { describe, expect, it } from 'vitest';
import { describeHistoryEntry } from '../../src/annotations/history.js';

const base = {
  start: 10,
  end: 19,
  exact: 'occupiers',
  prefix: '',
  suffix: '',
  tagId: null,
  note: 'Loaded',
  other: null,
  status: 'active',
};
const label = (id: string) => ({ 'loaded-term': 'Loaded term' })[id] ?? id;

describe('annotation history lines', () => {
  it('lists what a new annotation holds', () => {
    expect(describeHistoryEntry(null, base, label)).toEqual([
      { label: 'Words', before: null, after: '“occupiers” (characters 10–19)' },
      { label: 'Note', before: null, after: 'Loaded' },
      { label: 'Status', before: null, after: 'active' },
    ]);
  });

  it('shows only what changed, with tag labels', () => {
    expect(describeHistoryEntry(base, { ...base, tagId: 'loaded-term' }, label)).toEqual([
      { label: 'Tag', before: 'none', after: 'Loaded term' },
    ]);
    expect(describeHistoryEntry(base, { ...base, start: 40, end: 49 }, label)).toEqual([
      { label: 'Words', before: '“occupiers” (characters 10–19)', after: '“occupiers” (characters 40–49)' },
    ]);
    expect(describeHistoryEntry(base, { ...base, status: 'deleted' }, label)).toEqual([
      { label: 'Status', before: 'active', after: 'deleted' },
    ]);
    expect(describeHistoryEntry(base, base, label)).toEqual([]);
  });
});
