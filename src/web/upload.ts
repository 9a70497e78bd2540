/** Multipart uploads held in memory, refused past the size limit before they are read whole. */
import multer from 'multer';
import type { RequestHandler } from 'express';

/** Accept up to 20 files named "files", each at most maxBytes. */
export function uploadFiles(maxBytes: number): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 20, fields: 20, fieldSize: maxBytes },
  }).array('files', 20);
}
