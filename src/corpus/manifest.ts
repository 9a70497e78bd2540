/**
 * A folder's manifest.json: the metadata of the articles in it that their
 * texts do not carry (title, outlet, author, date, address), as the sample
 * corpus ships it. `retold import FOLDER` and the first start read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IngestError, type ArticleInput } from '../ingest/index.js';

const field = z.string().nullish();
const manifestSchema = z.object({
  articles: z.array(
    z.object({
      file: z.string().min(1),
      title: field,
      outlet: field,
      author: field,
      published: field,
      url: field,
    }),
  ),
});

/** The file name of a folder's manifest. */
export const manifestName = 'manifest.json';

/** One article of a manifest: its file (relative to the folder) and the metadata given for it. */
export interface ManifestEntry {
  file: string;
  metadata: Pick<ArticleInput, 'title' | 'outlet' | 'author' | 'published' | 'url'>;
}

/** Read a folder's manifest; throws an IngestError naming the problem when it is not one. */
export function readManifest(dir: string): ManifestEntry[] {
  const path = join(dir, manifestName);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new IngestError(`${path}: not a readable JSON manifest (${(err as Error).message.slice(0, 80)})`, 400);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError(`${path}: not a manifest: ${issue.path.join('.') || 'top level'}: ${issue.message}`, 400);
  }
  return parsed.data.articles.map(({ file, ...m }) => ({
    file,
    metadata: Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null && v !== undefined && v !== '')),
  }));
}
