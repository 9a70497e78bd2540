/** Statements: a statement's versions across the corpus, as pages and JSON. */
import { getReferencedStatement, listDatedStatements, listReferencedStatements } from '../corpus/references.js';
import { parseId } from './params.js';
import { sendError } from './errors.js';
import { describePairMisquote, describeStatementMisquote, viewStatementTimeline } from './statement-view.js';
import type { Handler } from './request.js';
import { viewVerdicts } from './verdict-views.js';

/** GET /statements */
export const listPage: Handler = ({ db }, _req, res) => {
  const statements = listReferencedStatements(db).map((s) => ({ ...s, misquote: describeStatementMisquote(s) }));
  res.render('statements/list', { title: 'Statements', statements });
};

/** GET /statements/:id (any quote id of the statement) */
export const statementPage: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const statement = id === undefined ? undefined : getReferencedStatement(db, id);
  if (!statement) return sendError(req, res, 404, `No statement with a quote ${req.params.id}`);
  res.render('statements/show', {
    title: 'Statement',
    statement,
    ...viewVerdicts(db, statement.pairs),
    ...viewStatementTimeline(statement),
    describePairMisquote,
  });
};

/** GET /api/statements/:id */
export const apiStatement: Handler = ({ db }, req, res) => {
  const id = parseId(req.params.id);
  const statement = id === undefined ? undefined : getReferencedStatement(db, id);
  if (!statement) return void res.status(404).json({ error: `No statement with a quote ${req.params.id}` });
  res.json({ statement });
};

/** GET /api/statements */
export const apiStatements: Handler = ({ db }, _req, res) => {
  res.json({ statements: listDatedStatements(db) });
};
