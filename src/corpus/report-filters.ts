/**
 * Checks of report filters before a report is built: a filter naming a
 * reviewer or tag that does not exist, or a date that is not on the
 * calendar, would otherwise give an empty report that looks like an answer.
 */
import type { Db } from '../db.js';
import { getTag } from '../store/tags.js';
import { listUsers } from '../store/users.js';
import { isCalendarDate } from '../reports/export-query.js';

/** The filters a report or annotation list can take. */
export interface FilterValues {
  reviewer?: string;
  tag?: string;
  from?: string;
  to?: string;
}

/** What is wrong with the filters, by field name; empty when nothing is. */
export function checkReportFilters(db: Db, f: FilterValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['from', 'to'] as const) {
    const v = f[field];
    if (v !== undefined && !isCalendarDate(v)) errors[field] = `${v} is not a date (use YYYY-MM-DD)`;
  }
  if (!errors.from && !errors.to && f.from && f.to && f.from > f.to) errors.to = `${f.to} is before ${f.from}`;
  // reviewer names match without case, as the annotation filter does
  if (f.reviewer !== undefined && !listUsers(db).some((u) => u.username.toLowerCase() === f.reviewer!.toLowerCase())) {
    errors.reviewer = `no reviewer named ${f.reviewer}`;
  }
  if (f.tag !== undefined && !getTag(db, f.tag)) errors.tag = `no tag ${f.tag}`;
  return errors;
}
