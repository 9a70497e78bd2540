/**
 * `npm run train [NAME...]`: run the training scripts `scripts/train-NAME.ts`
 * (all of them, in name order, when no name is given). Each script reads its
 * data from ../shared/dev/, writes its weights under data/models/ and skips
 * with a message when the data is absent.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => /^train-[a-z0-9-]+\.ts$/.test(f))
  .map((f) => f.slice('train-'.length, -'.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`train: no script for ${unknown.join(', ')}; available: ${available.join(', ') || 'none'}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n# train ${name}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, `train-${name}.ts`)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
