/** The sample corpus in data/samples, loaded into an empty database on first start. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db.js';
import { dataDir } from '../paths.js';
import { countArticles } from '../store/articles.js';
import { importArticle } from './articles.js';
import { readManifest } from './manifest.js';

/** Import the sample articles when the database holds no article yet. Returns how many were imported. */
export function loadSampleCorpus(db: Db): number {
  if (countArticles(db) > 0) return 0;
  const dir = join(dataDir, 'samples');
  let imported = 0;
  for (const entry of readManifest(dir)) {
    const text = readFileSync(join(dir, entry.file), 'utf8');
    const result = importArticle(db, { text, ...entry.metadata, format: 'txt' });
    if (result.status === 'imported') imported += 1;
  }
  return imported;
}
