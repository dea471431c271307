import { filterCounts } from './filter-counts.ts';
import { choose, filterValue, showCounts } from './filter-select.ts';
import { fillSectionSelect, liveSearch, sortOf, urlWithQuery } from './live-search.ts';
import type { FilterKey } from './phrase.ts';
import { preloadSearch, type SearchOutcome, type SearchScope } from './search-core.ts';

/** The search page's filters: each a select named as the address names it; the year filters by its value, the rest by name. */
const FILTER_SELECTS: { key: FilterKey; byValue: boolean }[] = [
  { key: 'section', byValue: false },
  { key: 'year', byValue: true },
  { key: 'author', byValue: false },
  { key: 'series', byValue: false },
];

/**
 * /search/: works as a plain GET form without JS; with JS it searches as the
 * reader types, narrowed by section, year, author and series (combined) and
 * most relevant or newest first, every choice kept in the address.
 */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
  const input = document.querySelector<HTMLInputElement>('#yd-search-q');
  const sort = document.querySelector<HTMLSelectElement>('#yd-search-sort');
  const status = document.querySelector<HTMLElement>('#yd-search-status');
  const list = document.querySelector<HTMLElement>('#yd-search-results');
  // Author and series exist only where the site has them.
  const filters = FILTER_SELECTS.flatMap((filter) => {
    const select = document.querySelector<HTMLSelectElement>(`#yd-search-${filter.key}`);
    return select ? [{ ...filter, select }] : [];
  });
  if (!form || !input || !sort || !status || !list || !filters.some((f) => f.key === 'section')) return;

  const params = new URLSearchParams(location.search);
  const scope = (): SearchScope => ({
    ...Object.fromEntries(filters.map(({ key, select, byValue }) => [key, filterValue(select, byValue)])),
    sort: sortOf(sort.value),
  });
  const choices = () => ({ ...Object.fromEntries(filters.map(({ key, select }) => [key, select.value])), sort: sortOf(sort.value) });

  const counted = new Map<FilterKey, string>();
  /** Each choice's count for this query and the other filters, zeros greyed: asked for once the reader turns to a filter or has one set. */
  const count = async (filter: (typeof filters)[number], outcome: SearchOutcome | undefined) => {
    const queries = outcome ? [...new Set([outcome.terms.join(' '), ...(outcome.variant?.split('、') ?? [])])] : [];
    const key = `${queries.join('\n')}\n${JSON.stringify({ ...scope(), [filter.key]: '', sort: '' })}`;
    if (!queries[0] || counted.get(filter.key) === key) return;
    counted.set(filter.key, key);
    const counts = await filterCounts(queries, scope(), filter.key).catch(() => undefined);
    if (counts && counted.get(filter.key) === key) showCounts(filter.select, counts, filter.byValue);
  };
  let last: SearchOutcome | undefined;
  const search = liveSearch(
    list,
    status,
    (outcome) => {
      last = outcome;
      // A search repeated as it stands (Enter again, a section put back) leaves history alone:
      // replacing the entry costs the browser a few milliseconds before the results are painted.
      const url = urlWithQuery(outcome.query, choices());
      if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
      const narrowed = filters.some((f) => f.select.value);
      for (const filter of filters) if (narrowed || document.activeElement === filter.select) void count(filter, outcome);
    },
    scope,
  );
  input.value = params.get('q') ?? '';
  // Unknown values (a typo, an old link) are the defaults: everything, by relevance.
  for (const { key, select } of filters) {
    if (key === 'section') fillSectionSelect(select, params.get(key) ?? '');
    else choose(select, params.get(key));
  }
  sort.value = sortOf(params.get('sort'));
  for (const hidden of form.querySelectorAll<HTMLElement>('[hidden]')) hidden.removeAttribute('hidden');
  void search.run(input.value);

  input.addEventListener('focus', preloadSearch, { once: true });
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) void search.run(input.value);
  });
  // An IME commit searches at once: the reader has chosen the characters.
  input.addEventListener('compositionend', () => void search.run(input.value));
  sort.addEventListener('change', () => void search.run(input.value));
  for (const filter of filters) {
    filter.select.addEventListener('change', () => void search.run(input.value));
    filter.select.addEventListener('focus', () => void count(filter, last));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search.run(input.value);
  });
}
