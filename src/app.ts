/**
 * The Express app factory: every route in one readable list (miniflux style).
 * Handlers live in src/web/<noun>.ts and stay thin.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config.js';
import type { Db } from './db.js';
import { publicDir, viewsDir } from './paths.js';
import * as articles from './web/articles.js';
import * as articlesApi from './web/api-articles.js';
import * as deletedArticles from './web/deleted-articles.js';
import * as speakers from './web/speakers.js';
import * as search from './web/search.js';
import * as accounts from './web/accounts.js';
import * as compare from './web/compare.js';
import * as statements from './web/statements.js';
import * as pairs from './web/pairs.js';
import * as editorial from './web/editorial.js';
import { handleErrors, handleNotFound } from './web/errors.js';
import * as auth from './web/auth.js';
import * as account from './web/account.js';
import { checkCsrf, loadSession, requireRole } from './web/auth.js';
import { createLoginLimiter, defaultLoginLimits, type LoginLimits } from './web/login-limiter.js';
import { uploadFiles } from './web/upload.js';
import { formatDate, formatPercent } from './web/format.js';
import { describeAlteration } from './pairing/misquote.js';
import * as annotations from './web/annotations.js';
import * as tags from './web/tags.js';
import * as reports from './web/reports.js';
import * as outlets from './web/outlets.js';
import * as annotationImport from './web/annotation-import.js';
import * as articleText from './web/article-text.js';
import * as agreement from './web/agreement.js';
import { seedTags } from './corpus/tags.js';
import { inlineRunner, type JobRunner } from './workers/pool.js';
import * as verdicts from './web/verdicts.js';
import * as references from './web/references.js';
import * as undo from './web/undo.js';
import { getArticleKind } from './store/references.js';
import * as quotes from './web/quotes.js';
import { seedRatings } from './corpus/verdict-scale.js';

/** What the app needs from the outside. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** login limits other than the defaults (tests) */
  loginLimits?: Partial<LoginLimits>;
  /** where imports do their CPU work: the worker pool in a server; the calling thread when left out (tests) */
  runner?: JobRunner;
}

/** Build the app. Tests call this with an in-memory database. */
export function createApp({ db, config, loginLimits, runner = inlineRunner }: AppDeps): Express {
  const app = express();
  app.set('views', viewsDir);
  app.set('view engine', 'ejs');
  // compile each template once (Express caches views only in production otherwise);
  // without it, template compilation dominates page time under load
  app.set('view cache', true);
  // off by default: X-Forwarded-For is believed only from the proxies RETOLD_TRUST_PROXY names
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.locals.formatDate = formatDate;
  app.locals.articleKindOf = (id: number) => getArticleKind(db, id);
  app.locals.formatPercent = formatPercent;
  app.locals.describeAlteration = describeAlteration;
  app.locals.db = db;
  app.locals.config = config;
  app.locals.runner = runner;

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));
  // browsers ask for /favicon.ico whatever the page links to
  app.get('/favicon.ico', (_req, res) => res.sendFile('favicon.ico', { root: publicDir, maxAge: '1d' }));

  app.locals.loginLimiter = createLoginLimiter({ ...defaultLoginLimits, ...loginLimits });
  app.use(loadSession);

  const form = express.urlencoded({ extended: false, limit: config.maxUploadBytes });
  const json = express.raw({ type: ['application/json', 'application/ld+json'], limit: config.maxUploadBytes });
  const jsonSmall = express.json({ limit: '64kb' });
  const upload = uploadFiles(config.maxUploadBytes);
  const viewer = requireRole('viewer');
  const reviewer = requireRole('reviewer');
  const admin = requireRole('admin');
  const jsonText = express.json({ limit: config.maxUploadBytes });
  seedTags(db);
  seedRatings(db);

  // pages
  app.get('/', articles.home);
  app.get('/login', auth.loginForm);
  app.post('/login', form, checkCsrf, auth.login);
  app.post('/logout', form, checkCsrf, auth.logout);
  app.get('/account', viewer, account.page);
  app.post('/account/password', viewer, form, checkCsrf, account.changePassword);
  app.get('/articles', articles.list);
  app.get('/articles/new', reviewer, articles.newForm);
  app.get('/articles/deleted', admin, deletedArticles.listPage);
  app.post('/articles/:id/restore', admin, form, checkCsrf, deletedArticles.restore);
  app.post('/articles', reviewer, upload, form, checkCsrf, articles.create);
  app.get('/articles/:id', articles.show);
  app.get('/articles/:id/edit', reviewer, articles.editForm);
  app.post('/articles/:id/edit', reviewer, form, checkCsrf, articles.update);
  app.get('/articles/:id/delete', reviewer, articles.confirmDelete);
  app.post('/articles/:id/delete', reviewer, form, checkCsrf, articles.destroy);
  app.get('/search', search.page);
  app.get('/speakers', speakers.list);
  app.get('/speakers/:id', speakers.show);
  app.post('/speakers/:id/merge', reviewer, form, checkCsrf, speakers.merge);
  app.post('/speakers/:id/split', reviewer, form, checkCsrf, speakers.split);
  app.get('/compare', compare.show);
  app.get('/statements', statements.listPage);
  app.get('/statements/:id', statements.statementPage);
  app.post('/quotes/:id/speaker', reviewer, form, checkCsrf, quotes.assignSpeaker);
  app.post('/pairs', reviewer, form, checkCsrf, pairs.link);
  app.post('/pairs/:id/review', reviewer, form, checkCsrf, pairs.review);
  app.get('/undo', undo.list);
  app.post('/pairs/restore', reviewer, form, checkCsrf, undo.restorePair);
  app.post('/editorial/:id/restore', reviewer, form, checkCsrf, undo.restoreSpan);
  app.post('/statements/:id/reference', reviewer, form, checkCsrf, references.markReference);
  app.post('/articles/:id/kind', reviewer, form, checkCsrf, references.setKind);
  app.post('/pairs/:id/verdict', reviewer, form, checkCsrf, verdicts.give);
  app.post('/pairs/:id/verdict/second-review', reviewer, form, checkCsrf, verdicts.secondReview);
  app.post('/pairs/:id/verdict/request-second-review', reviewer, form, checkCsrf, verdicts.askSecondReview);
  app.post('/pairs/:id/verdict/assign', reviewer, form, checkCsrf, verdicts.assign);
  app.get('/verdicts', verdicts.listPage);
  app.get('/verdicts/:id', verdicts.showPage);
  app.get('/verdict-scale', verdicts.scalePage);
  app.post('/verdict-scale', admin, form, checkCsrf, verdicts.createRating);
  app.post('/verdict-scale/:id', admin, form, checkCsrf, verdicts.updateRating);
  app.get('/editorial', editorial.categoriesPage);
  app.post('/editorial/threshold', viewer, form, checkCsrf, editorial.setThreshold);
  app.post('/editorial/:id/accept', reviewer, form, checkCsrf, editorial.accept);
  app.post('/editorial/:id/dismiss', reviewer, form, checkCsrf, editorial.dismiss);
  app.post('/articles/:id/text', reviewer, form, checkCsrf, articleText.replaceText);
  app.get('/articles/:id/agreement', agreement.agreement);
  // before /annotations/:id, which would take "import" for an id
  app.get('/annotations/import', reviewer, annotationImport.importForm);
  app.post('/annotations/import', reviewer, upload, form, checkCsrf, annotationImport.importPage);
  app.get('/export', reports.download);
  app.get('/outlets', outlets.outletsPage);
  app.get('/outlets/:name', outlets.outletPage);
  app.get('/annotations', annotations.listPage);
  app.post('/annotations', reviewer, form, checkCsrf, annotations.create);
  app.get('/annotations/:id', annotations.showPage);
  app.post('/annotations/:id/edit', reviewer, form, checkCsrf, annotations.update);
  app.post('/annotations/:id/delete', reviewer, form, checkCsrf, annotations.destroy);
  app.get('/accounts', admin, accounts.listPage);
  app.post('/accounts', admin, form, checkCsrf, accounts.create);
  app.post('/accounts/:id', admin, form, checkCsrf, accounts.update);
  app.post('/accounts/:id/password', admin, form, checkCsrf, accounts.resetPassword);
  app.get('/tags', tags.listPage);
  app.post('/tags', admin, form, checkCsrf, tags.create);
  app.post('/tags/:id', admin, form, checkCsrf, tags.update);

  // JSON API
  app.post('/api/login', jsonSmall, checkCsrf, auth.login);
  app.post('/api/logout', checkCsrf, auth.logout);
  app.get('/api/me', auth.me);
  app.post('/api/account/password', viewer, jsonSmall, checkCsrf, account.changePassword);
  app.get('/api/accounts', admin, accounts.apiList);
  app.post('/api/accounts', admin, jsonSmall, checkCsrf, accounts.create);
  app.patch('/api/accounts/:id', admin, jsonSmall, checkCsrf, accounts.update);
  app.post('/api/accounts/:id/password', admin, checkCsrf, accounts.resetPassword);
  app.get('/api/articles', articlesApi.list);
  app.post('/api/articles', reviewer, upload, json, checkCsrf, articlesApi.create);
  app.post('/api/articles/fetch', reviewer, jsonSmall, checkCsrf, articlesApi.fetchUrl);
  app.get('/api/articles/deleted', admin, articlesApi.listDeleted);
  app.post('/api/articles/:id/restore', admin, checkCsrf, articlesApi.restore);
  app.get('/api/articles/:id', articlesApi.show);
  app.patch('/api/articles/:id', reviewer, jsonSmall, checkCsrf, articlesApi.update);
  app.delete('/api/articles/:id', reviewer, checkCsrf, articlesApi.destroy);
  app.get('/api/search', search.api);
  app.get('/api/speakers', speakers.apiList);
  app.get('/api/speakers/:id', speakers.apiShow);
  app.post('/api/speakers/:id/merge', reviewer, jsonSmall, checkCsrf, speakers.merge);
  app.post('/api/speakers/:id/split', reviewer, jsonSmall, checkCsrf, speakers.split);
  app.get('/api/compare', compare.apiShow);
  app.get('/api/statements', statements.apiStatements);
  app.get('/api/statements/:id', statements.apiStatement);
  app.post('/api/quotes/:id/speaker', reviewer, jsonSmall, checkCsrf, quotes.assignSpeaker);
  app.post('/api/pairs', reviewer, jsonSmall, checkCsrf, pairs.link);
  app.post('/api/pairs/:id/review', reviewer, jsonSmall, checkCsrf, pairs.review);
  app.get('/api/undo', undo.list);
  app.post('/api/pairs/restore', reviewer, jsonSmall, checkCsrf, undo.restorePair);
  app.post('/api/editorial/:id/restore', reviewer, jsonSmall, checkCsrf, undo.restoreSpan);
  app.post('/api/statements/:id/reference', reviewer, jsonSmall, checkCsrf, references.markReference);
  app.post('/api/articles/:id/kind', reviewer, jsonSmall, checkCsrf, references.setKind);
  app.get('/api/pairs/:id/verdict', verdicts.apiPairVerdict);
  app.post('/api/pairs/:id/verdict', reviewer, jsonSmall, checkCsrf, verdicts.give);
  app.post('/api/pairs/:id/verdict/second-review', reviewer, jsonSmall, checkCsrf, verdicts.secondReview);
  app.post('/api/pairs/:id/verdict/request-second-review', reviewer, jsonSmall, checkCsrf, verdicts.askSecondReview);
  app.post('/api/pairs/:id/verdict/assign', reviewer, jsonSmall, checkCsrf, verdicts.assign);
  app.get('/api/verdicts', verdicts.apiList);
  app.get('/api/verdicts/:id', verdicts.apiShow);
  app.get('/api/verdict-scale', verdicts.apiScale);
  app.post('/api/verdict-scale', admin, jsonSmall, checkCsrf, verdicts.createRating);
  app.patch('/api/verdict-scale/:id', admin, jsonSmall, checkCsrf, verdicts.updateRating);
  app.get('/api/editorial/categories', editorial.apiCategories);
  app.get('/api/articles/:id/editorial', editorial.apiArticle);
  app.post('/api/editorial/threshold', viewer, jsonSmall, checkCsrf, editorial.setThreshold);
  app.post('/api/editorial/:id/accept', reviewer, jsonSmall, checkCsrf, editorial.accept);
  app.post('/api/editorial/:id/dismiss', reviewer, jsonSmall, checkCsrf, editorial.dismiss);
  app.post('/api/articles/:id/text', reviewer, jsonText, checkCsrf, articleText.replaceText);
  app.get('/api/articles/:id/agreement', agreement.agreement);
  app.post('/api/annotations/import', reviewer, json, checkCsrf, annotationImport.apiImport);
  app.get('/api/export', reports.download);
  app.get('/api/outlets', outlets.apiOutlets);
  app.get('/api/outlets/:name', outlets.apiOutlet);
  app.get('/api/annotations', annotations.apiList);
  app.post('/api/annotations', reviewer, jsonSmall, checkCsrf, annotations.create);
  app.get('/api/annotations/:id', annotations.apiShow);
  app.patch('/api/annotations/:id', reviewer, jsonSmall, checkCsrf, annotations.update);
  app.delete('/api/annotations/:id', reviewer, checkCsrf, annotations.destroy);
  app.get('/api/annotations/:id/history', annotations.apiHistory);
  app.get('/api/tags', tags.apiList);
  app.post('/api/tags', admin, jsonSmall, checkCsrf, tags.create);
  app.patch('/api/tags/:id', admin, jsonSmall, checkCsrf, tags.update);
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });

  app.use(handleNotFound);
  app.use(handleErrors);
  return app;
}
