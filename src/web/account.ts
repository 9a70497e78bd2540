/** The signed-in user's account page: change one's own password (the same rule as `retold user passwd`). */
import { z } from 'zod';
import { changeOwnPassword } from '../corpus/users.js';
import type { UserRow } from '../store/users.js';
import { isApiRequest, sessionToken, type Handler } from './request.js';

const passwordBody = z.object({
  currentPassword: z.string().max(500).default(''),
  newPassword: z.string().max(500).default(''),
});

/** GET /account */
export const page: Handler = (_deps, _req, res) => {
  res.render('account', { title: 'Your account', error: null, done: null });
};

/** POST /account/password (form) and POST /api/account/password (JSON): other sessions of the account end. */
export const changePassword: Handler = ({ db }, req, res) => {
  const user = res.locals.user as UserRow;
  const parsed = passwordBody.safeParse(req.body ?? {});
  const body = parsed.success ? parsed.data : { currentPassword: '', newPassword: '' };
  const result = changeOwnPassword(db, user.username, body.currentPassword, body.newPassword, sessionToken(req) ?? '');
  if (result.status !== 'changed') {
    const error =
      result.status === 'wrong-password'
        ? 'The current password is wrong.'
        : `The new password is refused: ${result.error}.`;
    res.status(result.status === 'wrong-password' ? 403 : 400);
    if (isApiRequest(req)) return void res.json({ error: `account: ${error}` });
    return res.render('account', { title: 'Your account', error, done: null });
  }
  if (isApiRequest(req)) return void res.json({ changed: true, endedSessions: result.endedSessions });
  res.render('account', {
    title: 'Your account',
    error: null,
    done: `Password changed; ${result.endedSessions} other session${result.endedSessions === 1 ? '' : 's'} ended.`,
  });
};
