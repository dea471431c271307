import { loadPagefind } from './pagefind-api.ts';
import { filtersOf, type SearchScope } from './phrase.ts';

/**
 * How many results the query has in each year, with the other filters kept
 * (Pagefind's own filter counts, from the same search without the year). It
 * reads the index's filter data, one fetch per bundle, so it is asked for
 * only when a reader turns to the year filter or has one set.
 */
let filtersLoaded: Promise<unknown> | undefined;

export async function yearCounts(query: string, scope: SearchScope): Promise<Record<string, number>> {
  const pagefind = await loadPagefind();
  // A search counts only the filters whose data is loaded: the year's is loaded once, here.
  filtersLoaded ??= pagefind.filters();
  await filtersLoaded;
  const response = await pagefind.search(query, { filters: filtersOf({ ...scope, year: '' }) });
  return response.filters?.['year'] ?? {};
}
