/** SQL for reports a user built and saved (see migrations/017_saved_reports.sql). */
import { prepared, type Db } from '../db.js';

/** Which pairs a saved report holds. */
export type PairSelectionMode = 'reviewed' | 'all' | 'chosen';

/** A saved report as stored: scope and chosen pairs as JSON text. */
export interface SavedReportRow {
  id: number;
  title: string;
  /** JSON of the ReportScope */
  scope: string;
  selection: PairSelectionMode;
  /** JSON of the chosen pairs' words */
  pairs: string;
  summary: string;
  conclusion: string;
  createdBy: number | null;
  createdByName: string | null;
  updatedByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a save writes. */
export type SavedReportFields = Pick<
  SavedReportRow,
  'title' | 'scope' | 'selection' | 'pairs' | 'summary' | 'conclusion'
>;

const columns = `r.id, r.title, r.scope, r.selection, r.pairs, r.summary, r.conclusion, r.created_by AS createdBy,
  c.username AS createdByName, u.username AS updatedByName, r.created_at AS createdAt, r.updated_at AS updatedAt`;
const from = 'FROM saved_reports r LEFT JOIN users c ON c.id = r.created_by LEFT JOIN users u ON u.id = r.updated_by';

/** Store a new report; returns its id. */
export function insertSavedReport(db: Db, f: SavedReportFields, userId: number | null): number {
  return Number(
    prepared(
      db,
      `INSERT INTO saved_reports (title, scope, selection, pairs, summary, conclusion, created_by, updated_by)
         VALUES (@title, @scope, @selection, @pairs, @summary, @conclusion, @userId, @userId)`,
    ).run({ ...f, userId }).lastInsertRowid,
  );
}

/** Change a report; false when there is none with this id. */
export function updateSavedReport(db: Db, id: number, f: SavedReportFields, userId: number | null): boolean {
  return (
    prepared(
      db,
      `UPDATE saved_reports SET title = @title, scope = @scope, selection = @selection, pairs = @pairs,
         summary = @summary, conclusion = @conclusion, updated_by = @userId,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
    ).run({ ...f, userId, id }).changes > 0
  );
}

/** One saved report. */
export function getSavedReport(db: Db, id: number): SavedReportRow | undefined {
  return prepared(db, `SELECT ${columns} ${from} WHERE r.id = ?`).get(id) as SavedReportRow | undefined;
}

/** Every saved report, most recently changed first. */
export function listSavedReports(db: Db): SavedReportRow[] {
  return prepared(db, `SELECT ${columns} ${from} ORDER BY r.updated_at DESC, r.id DESC`).all() as SavedReportRow[];
}
