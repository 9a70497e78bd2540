/**
 * The CSV of pairs: one row per pair with both versions, their outlets and
 * dates, the speaker, the relation, whether it is a possible misquote and its
 * alterations, every change, the
 * fidelity, and the verdict with its reviewers. Same rules as the annotation
 * CSV (RFC 4180, UTF-8 with a byte order mark, CRLF, cells that a spreadsheet
 * would run as a formula prefixed with an apostrophe).
 */
import { formatCsvRow } from './csv.js';

/** One pair as the CSV shows it; `earlier` is the reference version. */
export interface PairCsvRow {
  pairId: number;
  relation: string;
  score: number;
  state: string;
  earlier: { articleId: number; title: string; outlet: string | null; published: string | null; text: string };
  later: { articleId: number; title: string; outlet: string | null; published: string | null; text: string };
  speaker: string | null;
  /** the alterations, in words ("figure changed: 40 → 14"); non-empty makes the pair a possible misquote */
  alterations: string[];
  changes: string[];
  fidelity: number;
  verdict: {
    rating: string;
    label: string;
    rationale: string;
    reviewer: string | null;
    givenAt: string | null;
    secondReviewer: string | null;
  } | null;
}

/** The header of the pairs CSV. */
export const pairsCsvColumns = [
  'pair_id',
  'relation',
  'score',
  'state',
  'earlier_article',
  'earlier_outlet',
  'earlier_date',
  'earlier_version',
  'later_article',
  'later_outlet',
  'later_date',
  'later_version',
  'speaker',
  'possible_misquote',
  'alterations',
  'changes',
  'fidelity',
  'verdict',
  'verdict_label',
  'rationale',
  'reviewer',
  'verdict_given_at',
  'second_reviewer',
] as const;

/** Render the pairs CSV. */
export function renderPairsCsv(rows: readonly PairCsvRow[]): string {
  const lines = rows.map((r) =>
    formatCsvRow([
      r.pairId,
      r.relation,
      Math.round(r.score * 1000) / 1000,
      r.state,
      r.earlier.articleId,
      r.earlier.outlet ?? r.earlier.title,
      r.earlier.published,
      r.earlier.text,
      r.later.articleId,
      r.later.outlet ?? r.later.title,
      r.later.published,
      r.later.text,
      r.speaker,
      r.alterations.length ? 'yes' : '',
      r.alterations.join('; '),
      r.changes.join('; '),
      Math.round(r.fidelity * 1000) / 1000,
      r.verdict?.rating,
      r.verdict?.label,
      r.verdict?.rationale,
      r.verdict?.reviewer,
      r.verdict?.givenAt,
      r.verdict?.secondReviewer,
    ]),
  );
  return `\ufeff${[formatCsvRow([...pairsCsvColumns]), ...lines].map((l) => `${l}\r\n`).join('')}`;
}
