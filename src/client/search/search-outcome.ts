import type { PagefindResult, PagefindResultData } from './pagefind-api.ts';
import type { SortOrder } from './phrase.ts';
import type { SectionHit } from './section-hits.ts';

/** What a search gives the page: the results read so far and what is left to read (search-core.ts). */
export interface PageResult {
  data: PagefindResultData;
  /** Sections holding the whole query; empty when Pagefind matched only some of its words. */
  hits: SectionHit[];
  /** The words this page was found by and is marked with: the query's, or another region's (软体 for 软件). */
  terms: string[];
}

/** A page matched and not read yet, with the words it was found by. */
export interface PendingResult {
  result: PagefindResult;
  terms: string[];
}

export interface SearchOutcome {
  /** What the reader typed, normalised. */
  query: string;
  /** The terms the count is about; simplified when the typed query was traditional, another region's when only they found pages. */
  terms: string[];
  /** Set when the query was converted from traditional characters to find these. */
  simplified?: string;
  /** Set when the query was also searched in another region's words (軟體 -> 软件, 雪梨 -> 悉尼) and they found pages. */
  variant?: string;
  /** The pages read so far, in the order shown. */
  pages: PageResult[];
  /** Pages with the whole query in them, of those read. */
  exact: number;
  /** Pages the search matched; read and shown FIRST_PAGES first, then up to PAGE_SIZE at a time. */
  matched: number;
  /** The matched pages not read yet, in order: what "more" reads. */
  rest: PendingResult[];
  /** Most relevant first, or newest first (then shown strictly in date order). */
  sort: SortOrder;
}

/** How often a page holds the whole query: what orders a few phrase hits by relevance. */
export const phraseTotal = (page: PageResult) => page.hits.reduce((sum, hit) => sum + hit.count, 0);

/** An outcome before it is said which query it answers. */
export type Found = Omit<SearchOutcome, 'query'>;

/**
 * One outcome of the pages the query and its regional variants found whole
 * (each page marked with the words it was found by). When every search read
 * all it matched, the pages are ordered together as a few are ordered
 * (searchOnce): most phrase hits, or newest, first. Otherwise the query's own
 * come first and the rest follow each search's order; newest first, the pages
 * shown are put in date order.
 */
export function merge(founds: Found[], sort: SortOrder): Found {
  const [first, ...others] = founds;
  if (!first || others.length === 0) return first ?? { terms: [], pages: [], exact: 0, matched: 0, rest: [], sort };
  const seen = new Set<string>();
  const pages = founds.flatMap((found) => found.pages.filter((page) => page.hits.length > 0 && !seen.has(page.data.url) && seen.add(page.data.url)));
  const rest = founds.flatMap((found) => found.rest);
  if (sort === 'newest') pages.sort((a, b) => (b.data.meta.date ?? '').localeCompare(a.data.meta.date ?? ''));
  else if (rest.length === 0) pages.sort((a, b) => phraseTotal(b) - phraseTotal(a));
  const doubled = founds.reduce((sum, found) => sum + found.exact, 0) - pages.length;
  return { terms: first.terms, pages, exact: pages.length, matched: founds.reduce((sum, found) => sum + found.matched, 0) - doubled, rest, sort };
}
