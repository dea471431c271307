import { SITE_BASE } from './pagefind-api.ts';
import { toSimplified } from './t2s.ts';

let table: Promise<Map<string, string[]>> | undefined;

// A zh-Hant page searches the traditional index: its table spells each word as those pages do.
// Asked when searching, not on import (the module is loaded outside a page too: search-core's constants).
const hant = () => document.documentElement.lang === 'zh-Hant';
/** How a word is looked up: as typed, or on a zh-Hant page in simplified characters, so 软件 and 軟件 both find 軟體. */
const keyOf = (word: string): Promise<string> => (hant() ? toSimplified(word) : Promise.resolve(word));

/** The build's regional vocabulary (src/pages/search/variants.json.ts): each word with its group. Fetched once, on need. */
function loadTable(): Promise<Map<string, string[]>> {
  table ??= fetch(`${SITE_BASE}search/variants${hant() ? '.zh-hant' : ''}.json`)
    .then((response) => (response.ok ? (response.json() as Promise<{ groups: string[][] }>) : { groups: [] }))
    .then(async ({ groups }) => {
      const map = new Map<string, string[]>();
      for (const group of groups) for (const word of group) map.set(await keyOf(word), group);
      return map;
    })
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
  const groups = await Promise.all(terms.map(async (term) => map.get(await keyOf(term)) ?? []));
  const alternatives = terms.flatMap((term, i) => (groups[i] ?? []).filter((other) => other !== term).map((other) => terms.map((t, j) => (i === j ? other : t))));
  return alternatives.slice(0, MAX_ALTERNATIVES);
}
