import { SITE_BASE } from './pagefind-api.ts';

let table: Promise<Map<string, string[]>> | undefined;

/** The build's regional vocabulary (src/pages/search/variants.json.ts): each word with the others of its group. Fetched once, on need. */
function loadTable(): Promise<Map<string, string[]>> {
  table ??= fetch(`${SITE_BASE}search/variants.json`)
    .then((response) => (response.ok ? (response.json() as Promise<{ groups: string[][] }>) : { groups: [] }))
    .then(({ groups }) => new Map(groups.flatMap((group) => group.map((word) => [word, group.filter((other) => other !== word)] as const))))
    // Without the table a query simply finds less; search itself goes on.
    .catch(() => new Map<string, string[]>());
  return table;
}

/** At most this many other queries are tried: each is a search. */
const MAX_ALTERNATIVES = 4;

/**
 * The query said in the other regions' words (软体 for 软件, 悉尼 for 雪梨):
 * each term that has variants replaced by each of them, one term at a time.
 */
export async function variantQueries(terms: readonly string[]): Promise<string[][]> {
  const map = await loadTable();
  const alternatives = terms.flatMap((term, i) => (map.get(term) ?? []).map((other) => terms.map((t, j) => (i === j ? other : t))));
  return alternatives.slice(0, MAX_ALTERNATIVES);
}
