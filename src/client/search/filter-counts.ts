import { loadPagefind } from './pagefind-api.ts';
import { filtersOf, type FilterKey, type SearchScope } from './phrase.ts';

let filtersLoaded: Promise<unknown> | undefined;

/**
 * How many results the queries have for each value of one filter, with the
 * other filters kept (Pagefind's own filter counts, from the same search
 * without that filter). It reads the index's filter data, one fetch per
 * bundle, so it is asked for only when a reader turns to a filter or has one set.
 */
export async function filterCounts(queries: readonly string[], scope: SearchScope, key: FilterKey): Promise<Record<string, number>> {
  const pagefind = await loadPagefind();
  // A search counts only the filters whose data is loaded: all of it is loaded once, here.
  filtersLoaded ??= pagefind.filters();
  await filtersLoaded;
  // A query searched in other regions' words too (软件, 软体) counts what each found: an article saying both is rare.
  const counts: Record<string, number> = {};
  for (const query of queries) {
    const response = await pagefind.search(query, { filters: filtersOf({ ...scope, [key]: '' }) });
    for (const [value, n] of Object.entries(response.filters?.[key] ?? {})) counts[value] = (counts[value] ?? 0) + n;
  }
  return counts;
}
