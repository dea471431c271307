import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import type { BuildLogger } from '../search/build-logger.ts';
import { pageAssets } from './page-assets.ts';

const SOURCE = fileURLToPath(new URL('../../sw/service-worker.ts', import.meta.url));

/**
 * Writes sw.js for offline reading (src/sw/service-worker.ts) after the
 * pages and the search index are built (scripts/build.ts): esbuild bundles
 * the worker (the Cache API alone, no Workbox at run time), workbox-build
 * lists the shell to precache with a revision per file and writes that list
 * into it. The build id is a digest of that list
 * and of Pagefind's entry file, so any change to the shell or the index is a
 * new build with new caches, and an unchanged build gives a byte-identical
 * sw.js (no update for readers). `fileUrls`: the URL_FORMAT=file layout.
 */
export async function writeServiceWorker(site: string, fileUrls: boolean, logger: BuildLogger): Promise<void> {
  const page = (name: string) => (fileUrls ? `${name}.html` : `${name}/index.html`);
  // An article page, to learn the files every article loads: all share one layout.
  // The folder's first entry will do: no need to list every article's files (20,000 at 10,000 articles).
  const names = await readdir(path.join(site, 'articles')).catch((): string[] => []);
  const article = fileUrls ? names.find((name) => name.endsWith('.html')) : names.map((name) => `${name}/index.html`).find((file) => existsSync(path.join(site, 'articles', file)));
  const assets = new Set(await pageAssets(site, page('offline')));
  if (article) for (const file of await pageAssets(site, path.join('articles', article))) assets.add(file);
  const shell = {
    globDirectory: site,
    // Only what reading offline needs at once: the offline page (it lists the articles kept) and
    // the stylesheet and scripts of an article page and of itself (hashed names: no revision).
    // The home and search pages, search code and icons are kept when first used (src/sw/).
    globPatterns: [page('offline'), ...assets],
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
