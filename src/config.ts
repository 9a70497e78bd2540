/**
 * Configuration from environment variables, validated with zod at start-up.
 * A bad value stops the start with a message naming the variable.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * Express's `trust proxy`: false (the default; the client is the connection's
 * address), a number of proxy hops, or the proxies' addresses, subnets or the
 * names loopback, linklocal, uniquelocal. `true` (trust any X-Forwarded-For)
 * is accepted but lets any client pick its address for the login limiter.
 */
const trustProxy = z.string().transform((v, ctx): boolean | number | string[] => {
  const t = v.trim().toLowerCase();
  if (t === 'false' || t === 'no' || t === '0') return false;
  if (t === 'true' || t === 'yes') return true;
  if (/^\d+$/.test(t)) {
    const hops = Number(t);
    if (hops <= 20) return hops;
  }
  const parts = t
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const ok = (p: string) =>
    ['loopback', 'linklocal', 'uniquelocal'].includes(p) ||
    isIP(p) > 0 ||
    (/^[\da-f.:]+\/\d{1,3}$/.test(p) && isIP(p.split('/')[0]) > 0);
  if (parts.length === 0 || !parts.every(ok)) {
    ctx.addIssue({
      code: 'custom',
      message:
        "give false, a number of proxy hops, or the proxies' addresses or subnets (comma-separated; loopback, linklocal, uniquelocal allowed)",
    });
    return z.NEVER;
  }
  return parts;
});

const schema = z.object({
  RETOLD_DB: z.string().min(1).default('var/retold.sqlite'),
  RETOLD_HOST: z.string().min(1).default('127.0.0.1'),
  RETOLD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RETOLD_MAX_UPLOAD_MB: z.coerce.number().positive().max(100).default(5),
  RETOLD_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  RETOLD_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  RETOLD_ALLOW_PRIVATE_URLS: bool.default(false),
  RETOLD_LOAD_SAMPLES: bool.default(true),
  RETOLD_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(168),
  RETOLD_SECURE_COOKIES: bool.default(false),
  RETOLD_WORKERS: z.coerce.number().int().min(0).max(256).default(0),
  RETOLD_MAX_ARTICLES: z.coerce.number().int().min(1).max(100_000).default(1000),
  RETOLD_TRUST_PROXY: trustProxy.default(false),
  RETOLD_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'an http(s) address')
    .optional(),
  RETOLD_CLAIMREVIEW_AUTHOR: z.string().trim().min(1).max(200).default('retold'),
  RETOLD_CLAIMREVIEW_AUTHOR_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'an http(s) address')
    .optional(),
});

/** The validated configuration. */
export interface Config {
  /** path of the SQLite database file (":memory:" for a throw-away one) */
  dbPath: string;
  host: string;
  port: number;
  /** largest accepted upload or request body, in bytes */
  maxUploadBytes: number;
  fetchTimeoutMs: number;
  fetchMaxRedirects: number;
  allowPrivateUrls: boolean;
  loadSamples: boolean;
  /** how long a login lasts */
  sessionHours: number;
  /** mark cookies Secure (when served over https behind a proxy) */
  secureCookies: boolean;
  /** analysis worker threads; 0 picks one per core but one for a server, one per core for `retold import` */
  workers: number;
  /** most articles one request (a JSON array, an upload) may hold; more is a 413 */
  maxArticles: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For names the client (login limits per address) */
  trustProxy: boolean | number | string[];
  /** the address readers reach this retold at (ClaimReview urls point at its verdict pages) */
  publicUrl: string;
  /** the organisation publishing verdicts (the ClaimReview author) and its address */
  claimReviewAuthor: string;
  claimReviewAuthorUrl: string | null;
}

/** Documentation of each variable, used by the README table and `retold --help`. */
export const configDocs: { name: keyof z.infer<typeof schema>; default: string; meaning: string }[] = [
  {
    name: 'RETOLD_DB',
    default: 'var/retold.sqlite',
    meaning: 'SQLite database file (created with its folder if missing)',
  },
  { name: 'RETOLD_HOST', default: '127.0.0.1', meaning: 'address the server binds to' },
  { name: 'RETOLD_PORT', default: '3000', meaning: 'port the server listens on (0 picks a free one)' },
  {
    name: 'RETOLD_MAX_UPLOAD_MB',
    default: '5',
    meaning: 'largest upload, pasted text, JSON body or fetched page, in MiB',
  },
  { name: 'RETOLD_FETCH_TIMEOUT_MS', default: '10000', meaning: 'time limit for importing by URL' },
  { name: 'RETOLD_FETCH_MAX_REDIRECTS', default: '5', meaning: 'redirects followed when importing by URL' },
  {
    name: 'RETOLD_ALLOW_PRIVATE_URLS',
    default: 'false',
    meaning: 'allow importing from loopback and private addresses',
  },
  {
    name: 'RETOLD_LOAD_SAMPLES',
    default: 'true',
    meaning: 'load the sample corpus into an empty database on first start',
  },
  { name: 'RETOLD_SESSION_HOURS', default: '168', meaning: 'how long a login lasts, in hours' },
  { name: 'RETOLD_SECURE_COOKIES', default: 'false', meaning: 'mark cookies Secure (set when served over https)' },
  {
    name: 'RETOLD_WORKERS',
    default: '0',
    meaning:
      'analysis worker threads; 0: one per core but one for the server (at least one), one per core for `retold import`',
  },
  {
    name: 'RETOLD_MAX_ARTICLES',
    default: '1000',
    meaning: 'most articles one request may hold (a JSON array or an upload); more is refused with 413',
  },
  {
    name: 'RETOLD_PUBLIC_URL',
    default: 'http://HOST:PORT',
    meaning: 'public address of this retold; ClaimReview urls are its /verdicts/ID pages',
  },
  {
    name: 'RETOLD_CLAIMREVIEW_AUTHOR',
    default: 'retold',
    meaning: 'organisation named as the author of exported ClaimReviews',
  },
  {
    name: 'RETOLD_CLAIMREVIEW_AUTHOR_URL',
    default: '(none)',
    meaning: "the organisation's web address in exported ClaimReviews",
  },
  {
    name: 'RETOLD_TRUST_PROXY',
    default: 'false',
    meaning:
      "behind a reverse proxy: the proxy hops to trust (`1`) or the proxies' addresses or subnets (`loopback`, `10.0.0.5`, `10.0.0.0/8`, comma-separated), so that the client address (login limits) comes from `X-Forwarded-For`; `false` uses the connection's address",
  },
];

/** A configuration error naming the variable at fault. */
export class ConfigError extends Error {}

/** Read and validate the configuration from an environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = schema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `config: ${i.path.join('.')}=${JSON.stringify(picked[String(i.path[0])])} is invalid: ${i.message}`,
    );
    throw new ConfigError(lines.join('\n'));
  }
  const c = result.data;
  return {
    dbPath: c.RETOLD_DB,
    host: c.RETOLD_HOST,
    port: c.RETOLD_PORT,
    maxUploadBytes: Math.round(c.RETOLD_MAX_UPLOAD_MB * 1024 * 1024),
    fetchTimeoutMs: c.RETOLD_FETCH_TIMEOUT_MS,
    fetchMaxRedirects: c.RETOLD_FETCH_MAX_REDIRECTS,
    allowPrivateUrls: c.RETOLD_ALLOW_PRIVATE_URLS,
    loadSamples: c.RETOLD_LOAD_SAMPLES,
    sessionHours: c.RETOLD_SESSION_HOURS,
    secureCookies: c.RETOLD_SECURE_COOKIES,
    workers: c.RETOLD_WORKERS,
    maxArticles: c.RETOLD_MAX_ARTICLES,
    trustProxy: c.RETOLD_TRUST_PROXY,
    publicUrl:
      c.RETOLD_PUBLIC_URL ??
      `http://${c.RETOLD_HOST.includes(':') ? `[${c.RETOLD_HOST}]` : c.RETOLD_HOST}:${c.RETOLD_PORT}`,
    claimReviewAuthor: c.RETOLD_CLAIMREVIEW_AUTHOR,
    claimReviewAuthorUrl: c.RETOLD_CLAIMREVIEW_AUTHOR_URL ?? null,
  };
}
