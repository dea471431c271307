import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project's src/ (Astro builds from the project root; callers run from bundled chunks). */
const SRC = path.resolve('src');

let hashed: string | undefined;

/**
 * Every source file under src/ and the Astro configuration, hashed once per process. What a build cached
 * is valid only for the code that made it: the content loader's entries and
 * the article pages' cache keys both include this, so any code change
 * re-renders everything (slower than needed, never wrong).
 */
export function sourceHash(): string {
  if (hashed) return hashed;
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  // The Astro configuration too: Astro's own check of it leaves out integrations and Vite plugins.
  for (const file of [...files, path.resolve('astro.config.mjs')]) hash.update(path.relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  hashed = hash.digest('hex');
  return hashed;
}
