/**
 * npm run build: `astro build` into a folder beside dist/, then the search
 * index and the service worker in that folder, then swap it in. A build that
 * fails or is killed at any step (content check, page render, Pagefind)
 * leaves the previous dist/ exactly as it was. `--out DIR` builds elsewhere.
 *
 * Builds are incremental (README "Daily rebuilds"): Astro copies article
 * pages whose cacheKey is unchanged from its cache (src/lib/content/page-key.ts), and
 * the index reuses its unchanged segments (src/lib/search/index-plan.ts). `--full`
 * renders and indexes everything, and leaves a fresh cache for the next build.
 * So does a build after one that was killed, or one that finds the cache
 * unreadable. A build that finds another one using the cache builds
 * everything without touching it.
 *
 * The index is written after Astro has exited, not in one of its hooks: the
 * two never hold their memory at once (at 10,000 articles Astro peaks near
 * 2.4 GB and a Pagefind run of 5,000 pages near 2.7 GB).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeServiceWorker } from '../src/lib/publish/offline-worker.ts';
import type { BuildLogger } from '../src/lib/search/build-logger.ts';
import { indexSite } from '../src/lib/search/index-site.ts';
import { ASTRO_BIN } from './lib/astro-bin.ts';
import { takeLock } from './lib/build-lock.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, full: { type: 'boolean', default: false } } });
const out = path.resolve(values.out ?? 'dist');
// The same folder every time: Astro's incremental cache compares each page's compiled code, which names the output folder.
const fresh = `${out}.building`;
const old = `${out}.old-${process.pid}`;
const shown = path.relative(process.cwd(), out) || out;
const cacheDir = path.resolve(process.env['YUEDU_CACHE_DIR'] || 'node_modules/.astro');

const stamp = () => new Date().toTimeString().slice(0, 8);
const logger = (name: string): BuildLogger => ({
  info: (message) => console.log(`${stamp()} [${name}] ${message}`),
  warn: (message) => console.warn(`${stamp()} [${name}] ${message}`),
  error: (message) => console.error(`${stamp()} [${name}] ${message}`),
});
const log = logger('yuedu-build');

const outLock = await takeLock(`${out}.lock`);
if (outLock.heldBy) {
  console.error(`another build (process ${outLock.heldBy}) is writing ${shown}; wait for it to finish`);
  process.exit(1);
}
if (outLock.wasInterrupted) log.warn(`the last build into ${shown} was interrupted; ${shown} is as it was before it`);
const cacheLock = await takeLock(path.join(cacheDir, 'yuedu-build.lock'));
const shared = cacheLock.heldBy === undefined;
let full = values.full ?? false;
// Astro's page cache and the index's are checked apart: one unreadable leaves the other in use.
let fullPages = full;
if (!shared) log.warn(`another build (process ${cacheLock.heldBy}) is using the cache in ${cacheDir}; building everything without it`);
if (cacheLock.wasInterrupted) {
  log.warn(`the last build using ${cacheDir} was interrupted; building everything once`);
  full = true;
  fullPages = true;
}
if (shared && !full && !astroCacheReadable()) {
  log.warn(`${path.join(cacheDir, 'incremental-build.json')} is not a readable page cache; rendering every page`);
  fullPages = true;
}
if (values.full) log.info('--full: rendering and indexing everything');

/** Astro ignores an unreadable page cache silently; this says so before it does. */
function astroCacheReadable(): boolean {
  const file = path.join(cacheDir, 'incremental-build.json');
  if (!existsSync(file)) return true;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; routes?: unknown };
    return manifest.version === 1 && typeof manifest.routes === 'object' && manifest.routes !== null;
  } catch {
    return false;
  }
}

async function release(): Promise<void> {
  await rm(fresh, { recursive: true, force: true });
  if (shared) await cacheLock.release();
  await outLock.release();
}

async function fail(code: number, step = ''): Promise<never> {
  await release();
  console.error(`build failed${step}; ${shown} was left as it was`);
  process.exit(code);
}

await rm(fresh, { recursive: true, force: true });
const { status } = spawnSync(process.execPath, [ASTRO_BIN, 'build', '--outDir', fresh, ...(fullPages && shared ? ['--force'] : [])], {
  stdio: 'inherit',
  env: { ...process.env, YUEDU_CACHE_DIR: cacheDir, YUEDU_INCREMENTAL: shared ? '1' : '0' },
});
if (status !== 0) await fail(status ?? 1);
try {
  await indexSite(fresh, logger('yuedu-pagefind'), { cacheDir: shared ? cacheDir : undefined, full });
  await writeServiceWorker(fresh, process.env['URL_FORMAT'] === 'file', logger('yuedu-offline'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await fail(1, ' while indexing');
}
if (existsSync(out)) await rename(out, old);
await rename(fresh, out);
await rm(old, { recursive: true, force: true });
await release();
