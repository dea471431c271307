import { chunkGuard } from './chunk-guard.ts';
import { newestFirst, newestTable } from './date-order.ts';

/** The slice of Pagefind's browser API (pagefind.js) yuedu uses. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  /** Index of the heading's first word in raw_content. */
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: PagefindAnchor;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The indexed text with U+200B between the words Pagefind segmented; word i is location i. */
  raw_content: string;
  /** title; date and updated as the page gives them (src/lib/search/index-attributes.ts). */
  meta: { title?: string; date?: string; updated?: string };
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of the matches; for a quoted phrase only its first occurrence's (Pagefind 1.6). */
  words: number[];
  data(): Promise<PagefindResultData>;
}

/** Per filter, per value: how many results the search would have with that value chosen too. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindApi {
  /** Fetches the wasm and index metadata ahead of the first search. */
  init(): Promise<void>;
  options(options: { baseUrl?: string; excerptLength?: number; metaCacheTag?: string }): Promise<void>;
  mergeIndex(url: string, options?: { baseUrl?: string; metaCacheTag?: string }): Promise<void>;
  /** Loads the index chunks a term's words need, without searching. */
  preload(term: string): Promise<void>;
  /** Loads every filter's data (a fetch per bundle) and gives each value's count over the whole index. */
  filters(): Promise<FilterCounts>;
  search(
    term: string,
    options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[]; filters?: FilterCounts }>;
}

/** This deployment's base path with one trailing slash ("/" or "/news/"): where the files search fetches live. */
export const SITE_BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/**
 * pagefind/yuedu-parts.json: each language's merged bundles, the pages edited or deleted since
 * their bundle was written, and each bundle's tag (its entry file's digest; '' the primary's).
 */
interface Parts {
  bundles?: Record<string, string[]>;
  dropped?: Record<string, string[]>;
  tags?: Record<string, string>;
}

let loading: Promise<PagefindApi> | undefined;

/**
 * Loads the index once, from this deployment's base, so it works under a
 * sub-path too. Its search never returns a page its bundle holds in an older
 * version (src/lib/search/index-plan.ts): the newer version is in another bundle.
 */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    // A plain variable, not a template literal: Vite wraps analysable imports in a preload
    // helper that breaks inside Astro's inlined scripts (__VITE_PRELOAD__ is not defined).
    const url = SITE_BASE + 'pagefind/pagefind.js';
    // A large archive is indexed in several bundles (src/lib/search/index-site.ts): their list is
    // fetched while pagefind.js loads, and this language's bundles are merged.
    const listing: Promise<Parts> = fetch(`${SITE_BASE}pagefind/yuedu-parts.json`)
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}));
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    const parts = await listing;
    // Pagefind's result URLs are site-root paths; Astro's base must be added back. Its entry file is
    // asked for with the bundle's tag, not a new time stamp each visit: hosts and the worker keep it.
    const tagged = (dir: string) => ({ baseUrl: SITE_BASE, ...(parts.tags?.[dir] ? { metaCacheTag: parts.tags[dir] } : {}) });
    await api.options(tagged(''));
    const lang = document.documentElement.lang.toLowerCase();
    await Promise.all((parts.bundles?.[lang] ?? []).map((part) => api.mergeIndex(`${SITE_BASE}pagefind/${part}`, tagged(part))));
    const dropped = new Set(parts.dropped?.[lang] ?? []);
    const guard = chunkGuard(lang, (term) => api.preload(term));
    const search: PagefindApi['search'] = async (term, options) => {
      await guard(term);
      // Newest first is yuedu's own order over a search by relevance (date-order.ts), Pagefind's sort the fallback.
      const { sort, ...unsorted } = options ?? {};
      const table = sort?.['date'] === 'desc' ? newestTable(`${SITE_BASE}pagefind/yuedu-newest.${lang}.txt`) : undefined;
      let response = await api.search(term, table ? unsorted : options);
      const places = await table;
      if (places) response = { ...response, results: newestFirst(response.results, places) };
      else if (table) response = await api.search(term, options);
      return dropped.size === 0 ? response : { ...response, results: response.results.filter((result) => !dropped.has(result.id)) };
    };
    return { init: () => api.init(), options: (o) => api.options(o), mergeIndex: (u, o) => api.mergeIndex(u, o), preload: (t) => api.preload(t), filters: () => api.filters(), search };
  })();
  return loading;
}

/** Called when a search box gains focus, so the first query does not wait for the download. */
export function preloadPagefind(): void {
  loadPagefind()
    .then((api) => api.init())
    .catch(() => {
      // The search itself reports a failed load; a failed warm-up is not worth a second message.
    });
}
