/**
 * The caches of offline reading, shared by the service worker (src/sw/) and
 * the offline page that lists what can be read now. Their sizes are the
 * storage budget the README's "Offline reading" section documents.
 */
export const CACHE_PREFIX = 'yuedu';

/** Caches that belong to one build carry its id: `yuedu-articles-<build>`. */
export const cacheName = (kind: 'articles' | 'pages' | 'search', build: string) => `${CACHE_PREFIX}-${kind}-${build}`;
export const ARTICLES_CACHE_PREFIX = `${CACHE_PREFIX}-articles-`;
/** Hashed files (_astro/): pictures, and the stylesheets and scripts of pages kept from an older build. */
export const ASSETS_CACHE = `${CACHE_PREFIX}-assets`;

/**
 * Entries each cache keeps; past that the least recently read go first.
 * An article page is 15–60 KB of HTML; a picture at a phone's or a laptop's
 * width 3–60 KB; a search fragment 1–5 KB. So about 30 MB at most.
 */
export const BUDGET = {
  /** Article pages, each script counted apart: about 60 articles. */
  articles: 120,
  /** Home, section, tag and search pages. */
  pages: 20,
  /** Pictures and older builds' stylesheets and scripts. */
  assets: 400,
  /** Search index files already fetched. */
  search: 300,
} as const;

/** The header a kept page carries: when it was last read, in ms since 1970. */
export const KEPT_AT = 'x-yd-kept-at';

/** How long a page waits for the network before it answers from the cache. */
export const NETWORK_TIMEOUT_S = 3;

/**
 * The page tells its service worker what it fetched before the worker
 * controlled it: keep this page, and the files it loaded (its pictures,
 * scripts it loaded after the first view, its icon).
 */
export interface KeepMessage {
  type: 'yd-keep';
  page: string;
  files: string[];
}
