/// <reference lib="webworker" />
/**
 * Offline reading. Built by src/lib/publish/offline-worker.ts: esbuild
 * bundles this file with Workbox's modules, then workbox-build injects the
 * build's shell (the offline page, and the scripts an article page and the
 * offline page load; the stylesheet is inside every page) as the precache manifest. The rest (home
 * and search pages, search code, icons) is kept as it is first used.
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
 */
import { cacheNames, clientsClaim, registerQuotaErrorCallback, setCacheNameDetails } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types';
import { matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, type Strategy } from 'workbox-strategies';
import {
  ARTICLES_CACHE_PREFIX,
  ASSETS_CACHE,
  BUDGET,
  CACHE_PREFIX,
  cacheName,
  KEPT_AT,
  NETWORK_TIMEOUT_S,
  type KeepMessage,
} from '../client/offline/offline-caches.ts';
import { budget, keepWithin } from './keep-within.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** Set by the build: a digest of everything this build serves. */
declare const __YD_BUILD__: string;
/** The offline page, relative to this file ('offline/' or 'offline.html'). */
declare const __YD_OFFLINE__: string;

const BUILD = __YD_BUILD__;
const SCOPE = self.registration.scope;
const ARTICLES = cacheName('articles', BUILD);
const PAGES = cacheName('pages', BUILD);

// The precache is this build's shell: yuedu-shell-<build>.
setCacheNameDetails({ prefix: CACHE_PREFIX, precache: 'shell', suffix: BUILD });

/** A kept page carries when it was read, so the offline page lists the most recent first. */
const stamped: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => {
    if (response.status !== 200) return null;
    const headers = new Headers(response.headers);
    headers.set(KEPT_AT, String(Date.now()));
    return new Response(response.body, { status: 200, statusText: response.statusText, headers });
  },
};
const page = (name: string, maxEntries: number) =>
  new NetworkFirst({ cacheName: name, networkTimeoutSeconds: NETWORK_TIMEOUT_S, plugins: [stamped, ...budget(maxEntries)] });
const articles = page(ARTICLES, BUDGET.articles);
const pages = page(PAGES, BUDGET.pages);
const isArticle = (url: URL) => url.href.startsWith(`${SCOPE}articles/`);

/** The precached copy of a shell page: "/news/" is stored as "/news/index.html". */
async function shellPage(url: URL): Promise<Response | undefined> {
  const page = new URL(url.pathname, url);
  return matchPrecache(page.pathname.endsWith('/') ? `${page.href}index.html` : page.href);
}

// Pages first, so the home page comes from the network like any page, not from the precache.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  async (options) => {
    const strategy: Strategy = isArticle(options.url) ? articles : pages;
    try {
      return await strategy.handle(options);
    } catch {
      // Offline and never kept: the shell's copy, or the offline page, which lists what can be read.
      return (await shellPage(options.url)) ?? (await shellPage(new URL(__YD_OFFLINE__, SCOPE))) ?? Response.error();
    }
  },
);

precacheAndRoute(self.__WB_MANIFEST);

const assets = new CacheFirst({ cacheName: ASSETS_CACHE, plugins: budget(BUDGET.assets) });
registerRoute(({ url }) => url.href.startsWith(`${SCOPE}_astro/`), assets);
// What installing the site and a tab's icon ask for: kept with the pages once asked for.
const isSiteFile = (url: URL) => url.href.startsWith(SCOPE) && /^(?:icons\/[^/]+|favicon\.svg|manifest\.webmanifest)$/.test(url.href.slice(SCOPE.length));
registerRoute(({ url }) => isSiteFile(url), pages);

// Pagefind's .pf_* files are named by their content; its entry files and the search page's data are not.
// Pagefind asks for its entry file with a ?ts= cache-buster: kept under its plain name, so it is found offline.
const search = cacheName('search', BUILD);
const isSearchData = (url: URL) =>
  url.href.startsWith(`${SCOPE}pagefind/`) || (url.href.startsWith(`${SCOPE}search/`) && url.pathname.endsWith('.json'));
const plainName: WorkboxPlugin = { cacheKeyWillBeUsed: async ({ request }) => request.url.replace(/\?.*$/, '') };
registerRoute(
  ({ url }) => isSearchData(url) && /\.pf_\w+$/.test(url.pathname),
  new CacheFirst({ cacheName: search, plugins: budget(BUDGET.search) }),
);
registerRoute(
  ({ url }) => isSearchData(url),
  new NetworkFirst({ cacheName: search, networkTimeoutSeconds: NETWORK_TIMEOUT_S, plugins: [plainName, ...budget(BUDGET.search)] }),
);

// The page that registered this worker was fetched before it existed, and so were the pictures
// on its first screen, the scripts it loaded once idle and its icon: the page asks for them to be kept.
self.addEventListener('message', (event) => {
  const data = event.data as Partial<KeepMessage> | null;
  if (data?.type !== 'yd-keep' || typeof data.page !== 'string' || !Array.isArray(data.files)) return;
  const keep = (strategy: Strategy, url: URL) => strategy.handle({ event, request: new Request(url.href) }).catch(() => undefined);
  const shown = new URL(data.page, SCOPE);
  const files = data.files.map((href) => new URL(String(href), SCOPE));
  const work = files.filter((url) => url.href.startsWith(`${SCOPE}_astro/`)).map((url) => keep(assets, url));
  work.push(...files.filter(isSiteFile).map((url) => keep(pages, url)));
  if (shown.href.startsWith(SCOPE)) work.push(keep(isArticle(shown) ? articles : pages, shown));
  event.waitUntil(Promise.all(work));
});

// A new build serves the next navigation: no waiting until every tab is closed.
self.skipWaiting();
clientsClaim();

// The device's storage is full: a write failed (the page was still shown from the network). Halve
// what each cache keeps, least recently read first, so the next pages read can be kept again.
registerQuotaErrorCallback(async () => {
  const kept: Array<[string, number]> = [[ARTICLES, BUDGET.articles], [PAGES, BUDGET.pages], [ASSETS_CACHE, BUDGET.assets], [search, BUDGET.search]];
  for (const [name, maxEntries] of kept) await keepWithin(name, Math.floor(maxEntries / 2));
});

self.addEventListener('activate', (event) => event.waitUntil(retireOlderBuilds()));

/**
 * Deletes every cache of an older build. The articles it kept move into this
 * build's cache (the reader saved them to read offline), and the scripts of
 * its shell into the hashed-file cache, so those pages still
 * look as they did. They are put oldest read first, so the budget
 * (keep-within.ts) still lets the least recently read go first.
 */
async function retireOlderBuilds(): Promise<void> {
  const ours = new Set([cacheNames.precache, ARTICLES, PAGES, search, ASSETS_CACHE]);
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
    // The precache stores unhashed files with a revision parameter; hashed ones under their own name.
    const url = request.url;
    const response = await source.match(request);
    if (!response || !keep(url) || (await target.match(url))) continue;
    entries.push({ url, response, at: Number(response.headers.get(KEPT_AT)) || 0 });
  }
  entries.sort((a, b) => a.at - b.at);
  for (const { url, response } of entries) await target.put(url, response);
  await keepWithin(to, maxEntries);
}
