/**
 * npm run build: `astro build` into a fresh folder beside dist/, then the
 * search index and the service worker in that folder, then swap it in. A
 * build that fails at any step (content check, page render, Pagefind)
 * leaves the previous dist/ exactly as it was. `--out DIR` builds elsewhere.
 *
 * The index is written after Astro has exited, not in one of its hooks: the
 * two never hold their memory at once (at 10,000 articles Astro peaks near
 * 2.4 GB and a Pagefind run of 5,000 pages near 2.7 GB).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeServiceWorker } from '../src/lib/offline-worker.ts';
import { indexSite, type BuildLogger } from '../src/lib/search-index.ts';
import { ASTRO_BIN } from './lib/astro-bin.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out ?? 'dist');
const fresh = `${out}.new-${process.pid}`;
const old = `${out}.old-${process.pid}`;
const shown = path.relative(process.cwd(), out) || out;

const stamp = () => new Date().toTimeString().slice(0, 8);
const logger = (name: string): BuildLogger => ({
  info: (message) => console.log(`${stamp()} [${name}] ${message}`),
  warn: (message) => console.warn(`${stamp()} [${name}] ${message}`),
  error: (message) => console.error(`${stamp()} [${name}] ${message}`),
});

async function fail(code: number, step = ''): Promise<never> {
  await rm(fresh, { recursive: true, force: true });
  console.error(`build failed${step}; ${shown} was left as it was`);
  process.exit(code);
}

const { status } = spawnSync(process.execPath, [ASTRO_BIN, 'build', '--outDir', fresh], { stdio: 'inherit' });
if (status !== 0) await fail(status ?? 1);
try {
  await indexSite(fresh, logger('yuedu-pagefind'));
  await writeServiceWorker(fresh, process.env['URL_FORMAT'] === 'file', logger('yuedu-offline'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await fail(1, ' while indexing');
}
if (existsSync(out)) await rename(out, old);
await rename(fresh, out);
await rm(old, { recursive: true, force: true });
