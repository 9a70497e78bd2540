/**
 * `retold verdict …`: the fact-check workflow from the command line, through
 * the same functions as the pages and the API. Prints JSON; exit 0 when done,
 * 1 when the step is refused (the reason on stderr), 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase, type Db } from '../db.js';
import {
  assignVerdict,
  completeSecondReview,
  getPairVerdictHistory,
  giveVerdict,
  requestSecondReview,
  type VerdictResult,
} from '../corpus/verdicts.js';
import { listVerdictItems } from '../corpus/verdict-queue.js';
import { listScale, scaleBounds } from '../corpus/verdict-scale.js';
import { getUserByName } from '../store/users.js';

/** The usage lines of the verdict command, for the CLI's help. */
export const verdictUsage = `  verdict list [--state open|verdict-given|second-review-done] [--assignee NAME] [--needs-second-review]
                                     pairs' fact-check records with their quotes, as JSON
  verdict show PAIR                  a pair's state, verdict and history
  verdict give PAIR --rating ID --rationale TEXT --user NAME [--needs-second-review]
                                     give or change a pair's verdict (a suggested pair is confirmed)
  verdict second-review PAIR --user NAME [--note TEXT]
                                     record the second review (by someone else than the verdict's reviewer)
  verdict request-second-review PAIR --user NAME
  verdict assign PAIR (--to NAME | --nobody) --user NAME
  verdict scale                      the ratings of the scale, best first`;

const options = {
  state: { type: 'string' },
  assignee: { type: 'string' },
  'needs-second-review': { type: 'boolean' },
  rating: { type: 'string' },
  rationale: { type: 'string' },
  user: { type: 'string' },
  note: { type: 'string' },
  to: { type: 'string' },
  nobody: { type: 'boolean' },
} as const;

class VerdictUsageError extends Error {}

function pairArg(positionals: string[]): number {
  const id = positionals[0];
  if (!id || !/^\d+$/.test(id) || positionals.length > 1) throw new VerdictUsageError('give one PAIR id');
  return Number(id);
}

function actor(db: Db, name: string | undefined): { id: number } {
  if (!name) throw new VerdictUsageError('give --user NAME, the reviewer acting');
  const u = getUserByName(db, name);
  if (!u || u.disabled || u.role === 'viewer') throw new VerdictUsageError(`--user ${name} is not a reviewer here`);
  return u;
}

function print(value: unknown): number {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

function outcome(r: VerdictResult): number {
  if (r.status !== 'ok') {
    process.stderr.write(`${r.error}\n`);
    return 1;
  }
  return print(r.result);
}

function run(db: Db, sub: string | undefined, args: string[]): number {
  const { values: v, positionals } = parseArgs({ args, options, allowPositionals: true });
  switch (sub) {
    case 'list': {
      const states = ['open', 'verdict-given', 'second-review-done'] as const;
      if (v.state !== undefined && !states.includes(v.state as (typeof states)[number]))
        throw new VerdictUsageError(`--state is one of ${states.join(', ')}`);
      const state = v.state as (typeof states)[number] | undefined;
      return print(
        listVerdictItems(db, {
          states: state ? [state] : undefined,
          assignee: v.assignee,
          needsSecondReview: v['needs-second-review'] ? true : undefined,
        }),
      );
    }
    case 'show': {
      const found = getPairVerdictHistory(db, pairArg(positionals));
      if (!found) return outcome({ status: 'not-found', error: `verdict: no pair with id ${positionals[0]}` });
      return print(found);
    }
    case 'give':
      if (!v.rating || v.rationale === undefined) throw new VerdictUsageError('give --rating ID and --rationale TEXT');
      return outcome(
        giveVerdict(db, pairArg(positionals), actor(db, v.user), {
          rating: v.rating,
          rationale: v.rationale,
          needsSecondReview: v['needs-second-review'] ?? false,
        }),
      );
    case 'second-review':
      return outcome(completeSecondReview(db, pairArg(positionals), actor(db, v.user), v.note));
    case 'request-second-review':
      return outcome(requestSecondReview(db, pairArg(positionals), actor(db, v.user)));
    case 'assign':
      if ((v.to === undefined) === !v.nobody) throw new VerdictUsageError('give --to NAME or --nobody');
      return outcome(assignVerdict(db, pairArg(positionals), actor(db, v.user), v.to ?? null));
    case 'scale':
      return print({ ...scaleBounds(db), ratings: listScale(db) });
    default:
      throw new VerdictUsageError(sub ? `unknown subcommand ${sub}` : 'give a subcommand');
  }
}

/** Run `retold verdict SUBCOMMAND …`; returns the exit code. */
export function runVerdict(config: Config, args: string[]): number {
  const [sub, ...rest] = args;
  let db: Db | undefined;
  try {
    db = openDatabase(config.dbPath);
    return run(db, sub, rest);
  } catch (err) {
    if (
      !(err instanceof VerdictUsageError) &&
      !(err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    )
      throw err;
    process.stderr.write(`retold verdict: ${err.message}\n\nusage:\n${verdictUsage}\n`);
    return 2;
  } finally {
    db?.close();
  }
}
