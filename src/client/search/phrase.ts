import { loadPagefind, type PagefindResult } from './pagefind-api.ts';
import { StaleSearch, type Stale } from './stale.ts';

/** What a search is narrowed and ordered by: the URL's section=, and sort= (most relevant, or newest first). */
export interface SearchScope {
  /** Filter values as the index holds them: the section's name, the year, an author's name, a series' title. */
  section?: string;
  year?: string;
  author?: string;
  series?: string;
  sort?: SortOrder;
}

/** The filters a search can be narrowed by, as the index and the address name them. */
export const FILTERS = ['section', 'year', 'author', 'series'] as const;
export type FilterKey = (typeof FILTERS)[number];

/** The Pagefind filters of a scope: every one chosen, combined (AND). */
export const filtersOf = (scope: SearchScope): Record<string, string> =>
  Object.fromEntries(FILTERS.flatMap((key) => (scope[key] ? [[key, scope[key]]] : [])));
export type SortOrder = 'relevance' | 'newest';

/**
 * How many words Pagefind makes of a term: it cuts queries with Intl.Segmenter in the page's
 * language, as the build cut the indexed text (src/lib/search/word-breaks.ts).
 */
function wordCount(term: string): number {
  const segmenter = new Intl.Segmenter(document.documentElement.lang || 'zh-CN', { granularity: 'word' });
  return [...segmenter.segment(term)].filter((segment) => segment.isWordLike).length;
}

/**
 * Whether a result's word positions hold `length` consecutive ones: the
 * query's words side by side, as a phrase. Pagefind gives a loose search
 * every position of every query word in the page.
 */
function holdsRun(words: number[], length: number): boolean {
  const at = new Set(words);
  return words.some((start) => {
    for (let i = 1; i < length; i++) if (!at.has(start + i)) return false;
    return true;
  });
}

/**
 * The pages to read, in the order asked for (best first, or newest first:
 * Pagefind sorts by the date each page gives it, src/lib/search/index-attributes.ts):
 * `candidates`, when set, are the pages whose word positions hold the
 * phrase's words side by side (maybe in another order: positions do not say
 * which word stands where), to be read ahead of `loose`.
 */
export async function find(query: string, terms: string[], scope: SearchScope, stale: Stale): Promise<{ loose: PagefindResult[]; candidates?: PagefindResult[] }> {
  const pagefind = await loadPagefind();
  // Typed past while the index loaded: the newer query searches instead.
  if (stale()) throw new StaleSearch();
  const filters = filtersOf(scope);
  const options = {
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(scope.sort === 'newest' ? { sort: { date: 'desc' as const } } : {}),
  };
  const loose = (await pagefind.search(query, options)).results;
  const [term] = terms;
  const words = term === undefined ? 0 : wordCount(term);
  if (terms.length > 1 || words < 2) return { loose };
  // A phrase of several words: Pagefind ranks pages by its words wherever they stand, so a page
  // holding the whole phrase could rank below twenty that hold its words apart and never be read.
  // The pages with the words side by side are read first. One loose search finds them: Pagefind's
  // own phrase search ("…") costs a second pass over the same word lists, which for a phrase of
  // common characters (碳中和: 碳, 中, 和) is most of the time a search takes.
  const candidates = loose.filter((result) => holdsRun(result.words, words));
  return candidates.length > 0 ? { loose, candidates } : { loose };
}
