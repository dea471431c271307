/**
 * 最新 (newest first) without Pagefind's own sort: the build lists each
 * language's pages newest first (src/lib/search/newest-order.ts), and a
 * search by relevance is put in that order here. Pagefind 1.6's sort scans
 * its date list once per result (a broad query at 10,000 articles took
 * 30 ms more than by relevance) and orders each merged bundle on its own, so
 * the results of a large archive came with two bundles' dates interleaved.
 */

/** Each page id (without its `<lang>_` prefix) to its place, newest first; loaded once per language. */
const tables = new Map<string, Promise<Map<string, number> | undefined>>();

export function newestTable(url: string): Promise<Map<string, number> | undefined> {
  let table = tables.get(url);
  if (!table) {
    table = fetch(url)
      .then(async (response) => {
        if (!response.ok) return undefined;
        const places = new Map<string, number>();
        (await response.text()).split('\n').forEach((id, place) => {
          // An id two bundles share (seven hex digits can meet) keeps the newer place.
          if (id && !places.has(id)) places.set(id, place);
        });
        return places;
      })
      // No list (an older build, a failed fetch): the caller falls back to Pagefind's sort.
      .catch(() => undefined);
    tables.set(url, table);
  }
  return table;
}

/** Results newest first; pages the list does not know go last, in the order they came (relevance). */
export function newestFirst<T extends { id: string }>(results: readonly T[], places: ReadonlyMap<string, number>): T[] {
  const n = results.length;
  // One number per result, its place then its rank, sorted natively: a broad query at 10,000
  // articles sorts 10,000 results on every search, and a comparator function is the slow part.
  const keys = new Float64Array(n);
  results.forEach((result, i) => {
    keys[i] = (places.get(result.id.slice(result.id.indexOf('_') + 1)) ?? places.size) * n + i;
  });
  keys.sort();
  return Array.from(keys, (key) => results[key % n] as T);
}
