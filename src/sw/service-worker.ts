/// <reference lib="webworker" />
/**
 * Offline reading. Built by src/lib/publish/offline-worker.ts: esbuild
 * bundles this file, then workbox-build injects the build's shell (the
 * offline page, and the scripts an article page and the offline page load;
 * the stylesheet is inside every page) as the precache manifest. The rest
 * (home and search pages, search code, icons) is kept as it is first used.
 *
 * - Pages: network first with a short timeout, then the copy kept here, then
 *   the offline page. Every article page read is kept (BUDGET.articles).
 * - Hashed files (_astro/): cache first. They never change under one name.
 * - Search: the index files already fetched are kept, so a search offline
 *   works as far as they reach.
 * - One build, one set of caches. A new build takes over at once; its caches
 *   start fresh, except the articles kept, which move over with the
 *   scripts they were read with (and hold their stylesheet inside), so an
 *   old page never meets new CSS.
 *
 * Written with the Cache API alone: Workbox's precaching, routing and
 * strategies did the same in 6.5 KB brotli of the first visit's 22 KB
 * (strategies.ts holds the two this worker needs).
 */
import {
  ARTICLES_CACHE_PREFIX,
  ASSETS_CACHE,
  BUDGET,
  CACHE_PREFIX,
  cacheName,
  KEPT_AT,
  type KeepMessage,
} from '../client/offline/offline-caches.ts';
import { keepWithin } from './keep-within.ts';
import { cacheFirst, networkFirst, type Keep } from './strategies.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** Set by the build: a digest of everything this build serves. */
declare const __YD_BUILD__: string;
/** The offline page, relative to this file ('offline/' or 'offline.html'). */
declare const __YD_OFFLINE__: string;

const BUILD = __YD_BUILD__;
const SCOPE = self.registration.scope;
const SHELL = `${CACHE_PREFIX}-shell-${BUILD}`;
const ARTICLES = cacheName('articles', BUILD);
const PAGES = cacheName('pages', BUILD);
const SEARCH = cacheName('search', BUILD);
// Named once: workbox-build writes the list in place of its one mention.
const MANIFEST = self.__WB_MANIFEST;
const SHELL_URLS = MANIFEST.map(({ url }) => new URL(url, self.location.href).href);

/** A kept page carries when it was read, so the offline page lists the most recent first. */
function stamped(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
const articles: Keep = { cache: ARTICLES, maxEntries: BUDGET.articles, prepare: stamped };
const pages: Keep = { cache: PAGES, maxEntries: BUDGET.pages, prepare: stamped };
const assets: Keep = { cache: ASSETS_CACHE, maxEntries: BUDGET.assets };
// Pagefind asks for its entry file with a ?ts= tag: kept under its plain name, so it is found offline.
const search: Keep = { cache: SEARCH, maxEntries: BUDGET.search, key: (url) => url.replace(/\?.*$/, '') };
const isArticle = (url: URL) => url.href.startsWith(`${SCOPE}articles/`);
// What installing the site and a tab's icon ask for: kept with the pages once asked for.
const isSiteFile = (url: URL) => url.href.startsWith(SCOPE) && /^(?:icons\/[^/]+|favicon\.svg|manifest\.webmanifest)$/.test(url.href.slice(SCOPE.length));
// Pagefind's .pf_* files are named by their content; its entry files and the search page's data are not.
const isSearchData = (url: URL) =>
  url.href.startsWith(`${SCOPE}pagefind/`) || (url.href.startsWith(`${SCOPE}search/`) && url.pathname.endsWith('.json'));

/** The precached copy of a shell page: "/news/offline/" is stored as "/news/offline/index.html". */
async function shellPage(url: URL): Promise<Response | undefined> {
  const page = new URL(url.pathname, url);
  return (await caches.open(SHELL)).match(page.pathname.endsWith('/') ? `${page.href}index.html` : page.href);
}

// The shell is fetched whole or not at all: one failed file fails the install, and the
// build already serving (or none) stays in charge. The offline page is asked past the
// browser's cache, which may hold another build's; hashed files never change under one name.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const responses = await Promise.all(
        MANIFEST.map(async ({ url, revision }) => {
          const href = new URL(url, self.location.href).href;
          const response = await fetch(href, { cache: revision ? 'reload' : 'default', credentials: 'same-origin' });
          if (!response.ok) throw new Error(`precache: ${href} answered ${response.status}`);
          return [href, response] as const;
        }),
      );
      await Promise.all(responses.map(([href, response]) => shell.put(href, response)));
      // A new build serves the next navigation: no waiting until every tab is closed.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(Promise.all([self.clients.claim(), retireOlderBuilds()])));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // Pages first, so the home page comes from the network like any page, not from the precache.
    event.respondWith(
      networkFirst(event, request, isArticle(url) ? articles : pages).catch(
        // Offline and never kept: the shell's copy, or the offline page, which lists what can be read.
        async () => (await shellPage(url)) ?? (await shellPage(new URL(__YD_OFFLINE__, SCOPE))) ?? Response.error(),
      ),
    );
  } else if (SHELL_URLS.includes(url.href)) {
    event.respondWith(caches.open(SHELL).then(async (shell) => (await shell.match(url.href)) ?? fetch(request)));
  } else if (url.href.startsWith(`${SCOPE}_astro/`)) {
    event.respondWith(cacheFirst(event, request, assets));
  } else if (isSiteFile(url)) {
    event.respondWith(networkFirst(event, request, pages));
  } else if (isSearchData(url)) {
    event.respondWith(/\.pf_\w+$/.test(url.pathname) ? cacheFirst(event, request, search) : networkFirst(event, request, search));
  }
});

// The page that registered this worker was fetched before it existed, and so were the pictures
// on its first screen, the scripts it loaded once idle and its icon: the page asks for them to be kept.
self.addEventListener('message', (event) => {
  const data = event.data as Partial<KeepMessage> | null;
  if (data?.type !== 'yd-keep' || typeof data.page !== 'string' || !Array.isArray(data.files)) return;
  const shown = new URL(data.page, SCOPE);
  const files = data.files.map((href) => new URL(String(href), SCOPE));
  const quietly = (work: Promise<Response>) => work.catch(() => undefined);
  const work = files.filter((url) => url.href.startsWith(`${SCOPE}_astro/`)).map((url) => quietly(cacheFirst(event, new Request(url.href), assets)));
  work.push(...files.filter(isSiteFile).map((url) => quietly(networkFirst(event, new Request(url.href), pages))));
  if (shown.href.startsWith(SCOPE)) work.push(quietly(networkFirst(event, new Request(shown.href), isArticle(shown) ? articles : pages)));
  event.waitUntil(Promise.all(work));
});

/**
 * Deletes every cache of an older build. The articles it kept move into this
 * build's cache (the reader saved them to read offline), and the scripts of
 * its shell into the hashed-file cache, so those pages still
 * look as they did. They are put oldest read first, so the budget
 * (keep-within.ts) still lets the least recently read go first.
 */
async function retireOlderBuilds(): Promise<void> {
  const ours = new Set([SHELL, ARTICLES, PAGES, SEARCH, ASSETS_CACHE]);
  const older = (await caches.keys()).filter((name) => name.startsWith(`${CACHE_PREFIX}-`) && !ours.has(name));
  for (const name of older) {
    if (name.startsWith(ARTICLES_CACHE_PREFIX)) await moveEntries(name, ARTICLES, BUDGET.articles, () => true);
    else if (name.startsWith(`${CACHE_PREFIX}-shell-`)) await moveEntries(name, ASSETS_CACHE, BUDGET.assets, (url) => url.startsWith(`${SCOPE}_astro/`));
    await caches.delete(name);
  }
}

async function moveEntries(from: string, to: string, maxEntries: number, keep: (url: string) => boolean): Promise<void> {
  const source = await caches.open(from);
  const target = await caches.open(to);
  const entries: Array<{ url: string; response: Response; at: number }> = [];
  for (const request of await source.keys()) {
    const url = request.url;
    const response = await source.match(request);
    if (!response || !keep(url) || (await target.match(url))) continue;
    entries.push({ url, response, at: Number(response.headers.get(KEPT_AT)) || 0 });
  }
  entries.sort((a, b) => a.at - b.at);
  for (const { url, response } of entries) await target.put(url, response);
  await keepWithin(to, maxEntries);
}
