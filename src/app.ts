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
import * as speakers from './web/speakers.js';
import { handleErrors, handleNotFound } from './web/errors.js';
import { uploadFiles } from './web/upload.js';
import { formatDate } from './web/format.js';

/** What the app needs from the outside. */
export interface AppDeps {
  db: Db;
  config: Config;
}

/** Build the app. Tests call this with an in-memory database. */
export function createApp({ db, config }: AppDeps): Express {
  const app = express();
  app.set('views', viewsDir);
  app.set('view engine', 'ejs');
  app.set('trust proxy', false);
  app.disable('x-powered-by');
  app.locals.formatDate = formatDate;
  app.locals.db = db;
  app.locals.config = config;

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));

  const form = express.urlencoded({ extended: false, limit: config.maxUploadBytes });
  const json = express.raw({ type: ['application/json', 'application/ld+json'], limit: config.maxUploadBytes });
  const jsonSmall = express.json({ limit: '64kb' });
  const upload = uploadFiles(config.maxUploadBytes);

  // pages
  app.get('/', articles.home);
  app.get('/articles', articles.list);
  app.get('/articles/new', articles.newForm);
  app.post('/articles', upload, form, articles.create);
  app.get('/articles/:id', articles.show);
  app.get('/articles/:id/edit', articles.editForm);
  app.post('/articles/:id/edit', form, articles.update);
  app.get('/articles/:id/delete', articles.confirmDelete);
  app.post('/articles/:id/delete', form, articles.destroy);
  app.get('/search', articles.search);
  app.get('/speakers', speakers.list);
  app.get('/speakers/:id', speakers.show);
  app.post('/speakers/:id/merge', form, speakers.merge);
  app.post('/speakers/:id/split', form, speakers.split);

  // JSON API
  app.get('/api/articles', articlesApi.list);
  app.post('/api/articles', upload, json, articlesApi.create);
  app.post('/api/articles/fetch', jsonSmall, articlesApi.fetchUrl);
  app.get('/api/articles/:id', articlesApi.show);
  app.patch('/api/articles/:id', jsonSmall, articlesApi.update);
  app.delete('/api/articles/:id', articlesApi.destroy);
  app.get('/api/search', articlesApi.search);
  app.get('/api/speakers', speakers.apiList);
  app.get('/api/speakers/:id', speakers.apiShow);
  app.post('/api/speakers/:id/merge', jsonSmall, speakers.merge);
  app.post('/api/speakers/:id/split', jsonSmall, speakers.split);
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });

  app.use(handleNotFound);
  app.use(handleErrors);
  return app;
}
