import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import type { BuildLogger } from '../search/build-logger.ts';

const SOURCE = fileURLToPath(new URL('../../sw/service-worker.ts', import.meta.url));

/**
 * Writes sw.js for offline reading (src/sw/service-worker.ts) after the
 * pages and the search index are built (scripts/build.ts): esbuild bundles
 * the worker with Workbox's modules, workbox-build lists the shell to
 * precache with a revision per file. The build id is a digest of that list
 * and of Pagefind's entry file, so any change to the shell or the index is a
 * new build with new caches, and an unchanged build gives a byte-identical
 * sw.js (no update for readers). `fileUrls`: the URL_FORMAT=file layout.
 */
export async function writeServiceWorker(site: string, fileUrls: boolean, logger: BuildLogger): Promise<void> {
  const page = (name: string) => (fileUrls ? `${name}.html` : `${name}/index.html`);
  const shell = {
    globDirectory: site,
    // The little JS and the stylesheet (hashed names, so no revision parameter), the pages a
    // reader needs offline, and what installing the site asks for.
    globPatterns: ['_astro/*.{js,css}', 'index.html', page('offline'), page('search'), 'manifest.webmanifest', 'icons/icon-192.png', 'favicon.svg'],
    dontCacheBustURLsMatching: /^_astro\//,
  };
  const { manifestEntries = [] } = await getManifest(shell);
  const entry = await readFile(path.join(site, 'pagefind', 'pagefind-entry.json')).catch(() => '');
  const build = createHash('sha256').update(JSON.stringify(manifestEntries)).update(entry).digest('hex').slice(0, 12);

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-sw-'));
  try {
    const swSrc = path.join(tmp, 'sw.js');
    await bundle({
      entryPoints: [SOURCE],
      outfile: swSrc,
      bundle: true,
      format: 'iife',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      define: {
        __YD_BUILD__: JSON.stringify(build),
        __YD_OFFLINE__: JSON.stringify(fileUrls ? 'offline.html' : 'offline/'),
        // Workbox drops its development logging in production.
        'process.env.NODE_ENV': '"production"',
      },
      logLevel: 'error',
    });
    const { count, size, warnings } = await injectManifest({ ...shell, swSrc, swDest: path.join(site, 'sw.js') });
    for (const warning of warnings) logger.warn(warning);
    const sw = await readFile(path.join(site, 'sw.js'));
    logger.info(`sw.js ${sw.length} B, build ${build}; precaches ${count} files, ${size} B`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
