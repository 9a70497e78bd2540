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
import * as articleVersions from './web/article-versions.js';
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
import { withDeps } from './web/request.js';
import { archiveUrl, formatDate, formatPercent } from './web/format.js';
import { describeAlteration } from './pairing/misquote.js';
import * as annotations from './web/annotations.js';
import * as tags from './web/tags.js';
import * as reports from './web/reports.js';
import * as savedReports from './web/saved-reports.js';
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
  app.locals.archiveUrl = archiveUrl;
  app.locals.articleKindOf = (id: number) => getArticleKind(db, id);
  app.locals.formatPercent = formatPercent;
  app.locals.describeAlteration = describeAlteration;
  // the import form states the limit; views are given values, never the database
  app.locals.maxUploadBytes = config.maxUploadBytes;

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

  // handlers are given the app's dependencies here, the one place they are wired
  const loginLimiter = createLoginLimiter({ ...defaultLoginLimits, ...loginLimits });
  app.locals.loginLimiter = loginLimiter;
  const h = withDeps({ db, config, runner, loginLimiter });
  app.use(h(loadSession));

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
  app.get('/', h(articles.home));
  app.get('/login', h(auth.loginForm));
  app.post('/login', form, checkCsrf, h(auth.login));
  app.post('/logout', form, checkCsrf, h(auth.logout));
  app.get('/account', viewer, h(account.page));
  app.post('/account/password', viewer, form, checkCsrf, h(account.changePassword));
  app.get('/articles', h(articles.list));
  app.get('/articles/new', reviewer, h(articles.newForm));
  app.get('/articles/deleted', admin, h(deletedArticles.listPage));
  app.post('/articles/:id/restore', admin, form, checkCsrf, h(deletedArticles.restore));
  app.post('/articles', reviewer, upload, form, checkCsrf, h(articles.create));
  app.get('/articles/:id', h(articles.show));
  app.get('/articles/:id/edit', reviewer, h(articles.editForm));
  app.post('/articles/:id/edit', reviewer, form, checkCsrf, h(articles.update));
  app.get('/articles/:id/delete', reviewer, h(articles.confirmDelete));
  app.get('/articles/:id/versions', h(articleVersions.list));
  app.get('/articles/:id/versions/:n', h(articleVersions.show));
  app.post('/articles/:id/version-of', reviewer, form, checkCsrf, h(articleVersions.versionOf));
  app.post('/articles/:id/separate', reviewer, form, checkCsrf, h(articleVersions.separate));
  app.post('/articles/:id/delete', reviewer, form, checkCsrf, h(articles.destroy));
  app.get('/search', h(search.page));
  app.get('/speakers', h(speakers.list));
  app.get('/speakers/:id', h(speakers.show));
  app.post('/speakers/:id/merge', reviewer, form, checkCsrf, h(speakers.merge));
  app.post('/speakers/:id/split', reviewer, form, checkCsrf, h(speakers.split));
  app.get('/compare', h(compare.show));
  app.get('/statements', h(statements.listPage));
  app.get('/statements/:id', h(statements.statementPage));
  app.post('/quotes/:id/speaker', reviewer, form, checkCsrf, h(quotes.assignSpeaker));
  app.post('/pairs', reviewer, form, checkCsrf, h(pairs.link));
  app.post('/pairs/:id/review', reviewer, form, checkCsrf, h(pairs.review));
  app.get('/undo', h(undo.list));
  app.post('/pairs/restore', reviewer, form, checkCsrf, h(undo.restorePair));
  app.post('/editorial/:id/restore', reviewer, form, checkCsrf, h(undo.restoreSpan));
  app.post('/statements/:id/reference', reviewer, form, checkCsrf, h(references.markReference));
  app.post('/articles/:id/kind', reviewer, form, checkCsrf, h(references.setKind));
  app.post('/pairs/:id/verdict', reviewer, form, checkCsrf, h(verdicts.give));
  app.post('/pairs/:id/verdict/second-review', reviewer, form, checkCsrf, h(verdicts.secondReview));
  app.post('/pairs/:id/verdict/request-second-review', reviewer, form, checkCsrf, h(verdicts.askSecondReview));
  app.post('/pairs/:id/verdict/assign', reviewer, form, checkCsrf, h(verdicts.assign));
  app.get('/verdicts', h(verdicts.listPage));
  app.get('/verdicts/:id', h(verdicts.showPage));
  app.get('/verdict-scale', h(verdicts.scalePage));
  app.post('/verdict-scale', admin, form, checkCsrf, h(verdicts.createRating));
  app.post('/verdict-scale/:id', admin, form, checkCsrf, h(verdicts.updateRating));
  app.get('/editorial', h(editorial.categoriesPage));
  app.post('/editorial/threshold', viewer, form, checkCsrf, h(editorial.setThreshold));
  app.post('/editorial/:id/accept', reviewer, form, checkCsrf, h(editorial.accept));
  app.post('/editorial/:id/dismiss', reviewer, form, checkCsrf, h(editorial.dismiss));
  app.post('/articles/:id/text', reviewer, form, checkCsrf, h(articleText.replaceText));
  app.get('/articles/:id/agreement', h(agreement.agreement));
  // before /annotations/:id, which would take "import" for an id
  app.get('/annotations/import', reviewer, h(annotationImport.importForm));
  app.post('/annotations/import', reviewer, upload, form, checkCsrf, h(annotationImport.importPage));
  app.get('/export', h(reports.download));
  app.get('/reports', h(savedReports.listPage));
  app.get('/reports/new', h(savedReports.newPage));
  app.post('/reports', reviewer, form, checkCsrf, h(savedReports.create));
  app.get('/reports/:id', h(savedReports.showPage));
  app.post('/reports/:id', reviewer, form, checkCsrf, h(savedReports.update));
  app.get('/reports/:id/export', h(savedReports.download));
  app.get('/outlets', h(outlets.outletsPage));
  app.get('/outlets/:name', h(outlets.outletPage));
  app.get('/annotations', h(annotations.listPage));
  app.post('/annotations', reviewer, form, checkCsrf, h(annotations.create));
  app.get('/annotations/:id', h(annotations.showPage));
  app.post('/annotations/:id/edit', reviewer, form, checkCsrf, h(annotations.update));
  app.post('/annotations/:id/delete', reviewer, form, checkCsrf, h(annotations.destroy));
  app.get('/accounts', admin, h(accounts.listPage));
  app.post('/accounts', admin, form, checkCsrf, h(accounts.create));
  app.post('/accounts/:id', admin, form, checkCsrf, h(accounts.update));
  app.post('/accounts/:id/password', admin, form, checkCsrf, h(accounts.resetPassword));
  app.get('/tags', h(tags.listPage));
  app.post('/tags', admin, form, checkCsrf, h(tags.create));
  app.post('/tags/:id', admin, form, checkCsrf, h(tags.update));

  // JSON API
  app.post('/api/login', jsonSmall, checkCsrf, h(auth.login));
  app.post('/api/logout', checkCsrf, h(auth.logout));
  app.get('/api/me', h(auth.me));
  app.post('/api/account/password', viewer, jsonSmall, checkCsrf, h(account.changePassword));
  app.get('/api/accounts', admin, h(accounts.apiList));
  app.post('/api/accounts', admin, jsonSmall, checkCsrf, h(accounts.create));
  app.patch('/api/accounts/:id', admin, jsonSmall, checkCsrf, h(accounts.update));
  app.post('/api/accounts/:id/password', admin, checkCsrf, h(accounts.resetPassword));
  app.get('/api/articles', h(articlesApi.list));
  app.post('/api/articles', reviewer, upload, json, checkCsrf, h(articlesApi.create));
  app.post('/api/articles/fetch', reviewer, jsonSmall, checkCsrf, h(articlesApi.fetchUrl));
  app.get('/api/articles/deleted', admin, h(articlesApi.listDeleted));
  app.post('/api/articles/:id/restore', admin, checkCsrf, h(articlesApi.restore));
  app.get('/api/articles/:id', h(articlesApi.show));
  app.patch('/api/articles/:id', reviewer, jsonSmall, checkCsrf, h(articlesApi.update));
  app.delete('/api/articles/:id', reviewer, checkCsrf, h(articlesApi.destroy));
  app.get('/api/articles/:id/versions', h(articleVersions.list));
  app.get('/api/articles/:id/versions/:n', h(articleVersions.show));
  app.post('/api/articles/:id/version-of', reviewer, jsonSmall, checkCsrf, h(articleVersions.versionOf));
  app.post('/api/articles/:id/separate', reviewer, checkCsrf, h(articleVersions.separate));
  app.get('/api/search', h(search.api));
  app.get('/api/speakers', h(speakers.apiList));
  app.get('/api/speakers/:id', h(speakers.apiShow));
  app.post('/api/speakers/:id/merge', reviewer, jsonSmall, checkCsrf, h(speakers.merge));
  app.post('/api/speakers/:id/split', reviewer, jsonSmall, checkCsrf, h(speakers.split));
  app.get('/api/compare', h(compare.apiShow));
  app.get('/api/statements', h(statements.apiStatements));
  app.get('/api/statements/:id', h(statements.apiStatement));
  app.post('/api/quotes/:id/speaker', reviewer, jsonSmall, checkCsrf, h(quotes.assignSpeaker));
  app.post('/api/pairs', reviewer, jsonSmall, checkCsrf, h(pairs.link));
  app.post('/api/pairs/:id/review', reviewer, jsonSmall, checkCsrf, h(pairs.review));
  app.get('/api/undo', h(undo.list));
  app.post('/api/pairs/restore', reviewer, jsonSmall, checkCsrf, h(undo.restorePair));
  app.post('/api/editorial/:id/restore', reviewer, jsonSmall, checkCsrf, h(undo.restoreSpan));
  app.post('/api/statements/:id/reference', reviewer, jsonSmall, checkCsrf, h(references.markReference));
  app.post('/api/articles/:id/kind', reviewer, jsonSmall, checkCsrf, h(references.setKind));
  app.get('/api/pairs/:id/verdict', h(verdicts.apiPairVerdict));
  app.post('/api/pairs/:id/verdict', reviewer, jsonSmall, checkCsrf, h(verdicts.give));
  app.post('/api/pairs/:id/verdict/second-review', reviewer, jsonSmall, checkCsrf, h(verdicts.secondReview));
  app.post('/api/pairs/:id/verdict/request-second-review', reviewer, jsonSmall, checkCsrf, h(verdicts.askSecondReview));
  app.post('/api/pairs/:id/verdict/assign', reviewer, jsonSmall, checkCsrf, h(verdicts.assign));
  app.get('/api/verdicts', h(verdicts.apiList));
  app.get('/api/verdicts/:id', h(verdicts.apiShow));
  app.get('/api/verdict-scale', h(verdicts.apiScale));
  app.post('/api/verdict-scale', admin, jsonSmall, checkCsrf, h(verdicts.createRating));
  app.patch('/api/verdict-scale/:id', admin, jsonSmall, checkCsrf, h(verdicts.updateRating));
  app.get('/api/editorial/categories', h(editorial.apiCategories));
  app.get('/api/articles/:id/editorial', h(editorial.apiArticle));
  app.post('/api/editorial/threshold', viewer, jsonSmall, checkCsrf, h(editorial.setThreshold));
  app.post('/api/editorial/:id/accept', reviewer, jsonSmall, checkCsrf, h(editorial.accept));
  app.post('/api/editorial/:id/dismiss', reviewer, jsonSmall, checkCsrf, h(editorial.dismiss));
  app.post('/api/articles/:id/text', reviewer, jsonText, checkCsrf, h(articleText.replaceText));
  app.get('/api/articles/:id/agreement', h(agreement.agreement));
  app.post('/api/annotations/import', reviewer, json, checkCsrf, h(annotationImport.apiImport));
  app.get('/api/export', h(reports.download));
  app.get('/api/reports', h(savedReports.apiList));
  app.get('/api/reports/candidates', h(savedReports.apiCandidates));
  app.post('/api/reports', reviewer, jsonSmall, checkCsrf, h(savedReports.create));
  app.get('/api/reports/:id', h(savedReports.apiShow));
  app.patch('/api/reports/:id', reviewer, jsonSmall, checkCsrf, h(savedReports.update));
  app.get('/api/reports/:id/export', h(savedReports.download));
  app.get('/api/outlets', h(outlets.apiOutlets));
  app.get('/api/outlets/:name', h(outlets.apiOutlet));
  app.get('/api/annotations', h(annotations.apiList));
  app.post('/api/annotations', reviewer, jsonSmall, checkCsrf, h(annotations.create));
  app.get('/api/annotations/:id', h(annotations.apiShow));
  app.patch('/api/annotations/:id', reviewer, jsonSmall, checkCsrf, h(annotations.update));
  app.delete('/api/annotations/:id', reviewer, checkCsrf, h(annotations.destroy));
  app.get('/api/annotations/:id/history', h(annotations.apiHistory));
  app.get('/api/tags', h(tags.apiList));
  app.post('/api/tags', admin, jsonSmall, checkCsrf, h(tags.create));
  app.patch('/api/tags/:id', admin, jsonSmall, checkCsrf, h(tags.update));
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });

  app.use(handleNotFound);
  app.use(handleErrors);
  return app;
}
