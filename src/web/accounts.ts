/** Account management for admins: the /accounts page and /api/accounts. */
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  addAccount,
  changeAccountRole,
  resetAccountPassword,
  setAccountDisabled,
  type AccountResult,
} from '../corpus/accounts.js';
import type { Db } from '../db.js';
import { roleSchema } from '../corpus/users.js';
import { listUsers, type UserRow } from '../store/users.js';
import { sendError } from './errors.js';
import { parseId } from './params.js';
import { isApiRequest, type Handler } from './request.js';

const me = (res: Response): UserRow => res.locals.user as UserRow;
/** Forms send "1"/"0"; JSON sends booleans. */
const flag = z.preprocess(
  (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v),
  z.boolean(),
);

const newAccountSchema = z.object({ username: z.string().max(100), role: roleSchema });
const changeSchema = z.object({ role: roleSchema.optional(), disabled: flag.optional() });

interface Shown {
  username: string;
  password: string;
  what: string;
}

function renderPage(
  db: Db,
  res: Response,
  status: number,
  values: Record<string, unknown>,
  errors: Record<string, string>,
  shown?: Shown,
): void {
  // a page showing a password must not be kept by a cache
  if (shown) res.set('Cache-Control', 'no-store');
  res.status(status).render('accounts/list', { title: 'Accounts', accounts: listUsers(db), values, errors, shown });
}

function firstIssues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[String(i.path[0] ?? 'form')] ??= i.message;
  return out;
}

/** Answer an account change: JSON on the API, the page (with a password shown once) otherwise. */
function send(
  db: Db,
  req: Request,
  res: Response,
  r: AccountResult,
  okStatus: number,
  values: Record<string, unknown>,
  what: string,
): void {
  if (r.status === 'not-found') return sendError(req, res, 404, 'accounts: no such account');
  if (r.status === 'invalid') {
    if (isApiRequest(req))
      return void res.status(400).json({ error: `accounts: ${Object.values(r.errors).join(' ')}`, errors: r.errors });
    return renderPage(db, res, 400, values, r.errors);
  }
  if (isApiRequest(req)) {
    if (r.password) res.set('Cache-Control', 'no-store');
    return void res.status(okStatus).json(r.password ? { user: r.user, password: r.password } : { user: r.user });
  }
  if (r.password)
    return renderPage(db, res, okStatus, {}, {}, { username: r.user.username, password: r.password, what });
  res.redirect(303, `/accounts#account-${r.user.id}`);
}

/** GET /accounts */
export const listPage: Handler = ({ db }, _req, res) => renderPage(db, res, 200, {}, {});

/** GET /api/accounts */
export const apiList: Handler = ({ db }, _req, res) => {
  res.json({ accounts: listUsers(db) });
};

/** POST /accounts and POST /api/accounts */
export const create: Handler = ({ db }, req, res) => {
  const parsed = newAccountSchema.safeParse(req.body ?? {});
  if (!parsed.success)
    return send(db, req, res, { status: 'invalid', errors: firstIssues(parsed.error) }, 201, req.body ?? {}, '');
  send(db, req, res, addAccount(db, parsed.data.username, parsed.data.role), 201, parsed.data, 'created');
};

/** POST /accounts/:id and PATCH /api/accounts/:id: role and/or disabled */
export const update: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return sendError(req, res, 404, 'accounts: no such account');
  const parsed = changeSchema.safeParse(req.body ?? {});
  if (!parsed.success) return send(db, req, res, { status: 'invalid', errors: firstIssues(parsed.error) }, 200, {}, '');
  const { role, disabled } = parsed.data;
  if (role === undefined && disabled === undefined)
    return send(db, req, res, { status: 'invalid', errors: { form: 'Give a role or disabled.' } }, 200, {}, '');
  let r: AccountResult = { status: 'not-found' };
  if (role !== undefined) r = changeAccountRole(db, id, role, me(res).id);
  if (disabled !== undefined && (role === undefined || r.status === 'ok'))
    r = setAccountDisabled(db, id, disabled, me(res).id);
  send(db, req, res, r, 200, {}, '');
};

/** POST /accounts/:id/password and POST /api/accounts/:id/password: a new generated password, shown once */
export const resetPassword: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  if (id === undefined) return sendError(req, res, 404, 'accounts: no such account');
  send(db, req, res, resetAccountPassword(db, id), 200, {}, 'reset');
};
