/** Not-found and error handling: JSON for /api, a page otherwise. */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { IngestError } from '../ingest/index.js';
import { MalformedUploadError } from './upload.js';
import { isApiRequest } from './request.js';

/** Send an error as JSON on the API and as a page elsewhere. */
export function sendError(req: Request, res: Response, status: number, message: string): void {
  res.status(status);
  if (isApiRequest(req)) {
    res.json({ error: message });
  } else {
    res.render('error', { title: `Error ${status}`, status, message });
  }
}

/**
 * A 400 for input that failed validation: on the API `{"error", "errors"}`,
 * where `errors` maps each field to what is wrong with it (every endpoint
 * uses that one name); elsewhere the error page with the same message.
 */
export function sendInvalid(req: Request, res: Response, scope: string, errors: Record<string, string>): void {
  const message = `${scope}: ${Object.entries(errors)
    .map(([field, why]) => `${field}: ${why}`)
    .join('; ')}`;
  if (req.path.startsWith('/api/')) return void res.status(400).json({ error: message, errors });
  sendError(req, res, 400, message);
}

/** Field errors of a failed zod parse, the first message of each field. */
export function zodFieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[String(i.path[0] ?? 'query')] ??= i.message;
  return out;
}

/** 404 for anything no route matched. */
export const handleNotFound: RequestHandler = (req, res) => {
  sendError(req, res, 404, `Nothing here: ${req.path}`);
};

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/** Known client errors get their status and message; anything else is logged and is a 500. */
export const handleErrors: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  void _next;
  if (err instanceof IngestError) return sendError(req, res, err.status, err.message);
  if (err instanceof MalformedUploadError) return sendError(req, res, 400, err.message);
  if (err instanceof multer.MulterError) {
    const status = err.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
    const message =
      err.code === 'LIMIT_FILE_SIZE' ? 'upload: a file is larger than the upload limit' : `upload: ${err.message}`;
    return sendError(req, res, status, message);
  }
  const e = err as HttpishError;
  const status = e.status ?? e.statusCode;
  if (status && status >= 400 && status < 500) {
    const message =
      e.type === 'entity.too.large'
        ? 'request: the body is larger than the upload limit'
        : e.type === 'entity.parse.failed'
          ? 'request: the body is not valid JSON'
          : (e.expose && e.message) || 'bad request';
    return sendError(req, res, status, message);
  }
  console.error(err);
  if (res.headersSent) return;
  sendError(req, res, 500, 'Something went wrong on our side; the error has been logged.');
};
