/** Where the project's own files live, whether running from src/ (tsx, vitest) or dist/src/ (built). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walk up from this module to the folder that holds package.json. */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`paths: no project root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const migrationsDir = join(projectRoot, 'migrations');
export const viewsDir = join(projectRoot, 'views');
export const publicDir = join(projectRoot, 'public');
export const dataDir = join(projectRoot, 'data');
