/** Multipart uploads held in memory, refused past the size limit before they are read whole. */
import multer from 'multer';
import type { Request, RequestHandler } from 'express';
import type { UploadedFile } from '../corpus/sources.js';

/** A multipart body the parser could not read: a client error, never a 500. */
export class MalformedUploadError extends Error {
  status = 400;
}

/** The files uploadFiles read from the request, as the import takes them. */
export function uploadedFiles(req: Request): UploadedFile[] {
  const files = (req.files as Express.Multer.File[] | undefined) ?? [];
  return files.map((f) => ({ name: f.originalname, type: f.mimetype, bytes: f.buffer }));
}

/**
 * Accept up to 20 files named "files", each at most maxBytes. Parser errors
 * that are not multer's own (busboy's "Unexpected end of form", a missing or
 * mismatched boundary, bad part headers) become a 400 naming the fault.
 */
export function uploadFiles(maxBytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 20, fields: 20, fieldSize: maxBytes, parts: 60 },
  }).array('files', 20);
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (!err || err instanceof multer.MulterError) return next(err);
      const message = err instanceof Error ? err.message : String(err);
      next(new MalformedUploadError(`upload: the multipart body could not be read (${message})`));
    });
  };
}
