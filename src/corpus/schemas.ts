/** Validation shared by the web forms, the JSON API and the CLI. */
import { z } from 'zod';
import { cleanLine } from '../ingest/fields.js';
import { checkWebAddress } from '../ingest/web-address.js';

const optionalText = (max: number) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(z.string().max(max))
    .transform((v) => (v === '' ? null : v))
    .nullish()
    .transform((v) => v ?? null);

/** A calendar date YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'not a real date');

/** Editable article metadata. Empty strings mean "unknown". */
export const articleMetadataSchema = z.object({
  title: z.string().transform(cleanLine).pipe(z.string().min(1, 'a title is required').max(500)),
  outlet: optionalText(200),
  author: optionalText(200),
  published: z
    .union([z.literal(''), isoDate])
    .nullish()
    .transform((v) => (v ? v : null)),
  url: z
    .string()
    .transform(cleanLine)
    .superRefine((v, ctx) => {
      const check = v ? checkWebAddress(v) : undefined;
      if (check && !check.ok) ctx.addIssue({ code: 'custom', message: check.error });
    })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type ArticleMetadataInput = z.input<typeof articleMetadataSchema>;

/** An address to import from. */
export const urlImportSchema = z.object({
  url: z.string().trim().min(1, 'an address is required').max(2000),
  /** "primary-source" marks what the address holds as a primary source */
  kind: z.enum(['article', 'primary-source'], { error: 'give "article" or "primary-source"' }).optional(),
});

/** Turn zod issues into field → message. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
