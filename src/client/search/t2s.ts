import { SITE_BASE } from './pagefind-api.ts';

let table: Promise<Map<string, string>> | undefined;

/** The build's traditional -> simplified table (src/pages/search/t2s.json.ts), fetched once, on need. */
function loadTable(): Promise<Map<string, string>> {
  table ??= fetch(`${SITE_BASE}search/t2s.json`)
    .then((response) => (response.ok ? (response.json() as Promise<{ t: string; s: string }>) : { t: '', s: '' }))
    .then(({ t, s }) => {
      const simplified = [...s];
      return new Map([...t].map((char, i) => [char, simplified[i] ?? char]));
    })
    // Without the table a traditional query simply finds less; search itself goes on.
    .catch(() => new Map<string, string>());
  return table;
}

/** The query in simplified characters, as far as the site's text needs. */
export async function toSimplified(query: string): Promise<string> {
  const map = await loadTable();
  return [...query].map((char) => map.get(char) ?? char).join('');
}
