/** ingest: articles given as JSON — one object or an array of them. */
import { z } from 'zod';
import { IngestError, type ArticleInput } from './article.js';
import { describeJsonError } from '../json-error.js';

const optionalText = z.string().nullish();

/** One article in a JSON upload; unknown fields are ignored. */
export const jsonArticleSchema = z.object({
  title: optionalText,
  outlet: optionalText,
  author: optionalText,
  published: optionalText,
  url: optionalText,
  kind: z.enum(['article', 'primary-source'], { error: 'give "article" or "primary-source"' }).nullish(),
  text: z
    .string({ error: (issue) => (issue.input === undefined ? 'has no "text"' : '"text" must be a string') })
    .refine((t) => t.trim().length > 0, { error: '"text" is empty' }),
});

/**
 * Parse a JSON upload: `{title, outlet, author, published, url, text}`, an
 * array of them, or `{articles: [...]}`. Throws IngestError (400) for malformed
 * JSON and for an item that is not an article, naming the item.
 */
export function parseJsonArticles(source: string, name: string): ArticleInput[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    throw new IngestError(`ingest: "${name}" is not valid JSON (${describeJsonError(err)})`);
  }
  if (
    data &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    Array.isArray((data as { articles?: unknown }).articles)
  ) {
    data = (data as { articles: unknown[] }).articles;
  }
  const items = Array.isArray(data) ? data : [data];
  if (items.length === 0) throw new IngestError(`ingest: "${name}" holds an empty list of articles`);
  return items.map((item, i) => {
    const label = Array.isArray(data) ? `item ${i + 1} of "${name}"` : `"${name}"`;
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new IngestError(`ingest: ${label} is not an article object`);
    const parsed = jsonArticleSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.');
      const message = field === 'text' ? issue.message : `field "${field}": ${issue.message}`;
      throw new IngestError(`ingest: ${label} ${message}`);
    }
    const a = parsed.data;
    return {
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      published: a.published,
      url: a.url,
      text: a.text,
      kind: a.kind,
      original: JSON.stringify(item),
      format: 'json',
    };
  });
}
