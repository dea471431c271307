import { yearCounts } from './filter-counts.ts';
import { fillSectionSelect, liveSearch, sectionName, sortOf, urlWithQuery } from './live-search.ts';
import { preloadPagefind } from './pagefind-api.ts';
import type { SearchOutcome, SearchScope } from './search-core.ts';

/**
 * /search/: works as a plain GET form without JS; with JS it searches as the
 * reader types, narrowed by section and year (combined) and most relevant or
 * newest first, every choice kept in the address.
 */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
  const input = document.querySelector<HTMLInputElement>('#yd-search-q');
  const select = document.querySelector<HTMLSelectElement>('#yd-search-section');
  const year = document.querySelector<HTMLSelectElement>('#yd-search-year');
  const sort = document.querySelector<HTMLSelectElement>('#yd-search-sort');
  const status = document.querySelector<HTMLElement>('#yd-search-status');
  const list = document.querySelector<HTMLElement>('#yd-search-results');
  if (!form || !input || !select || !year || !sort || !status || !list) return;

  const params = new URLSearchParams(location.search);
  const scope = (): SearchScope => ({ section: sectionName(select), year: year.value, sort: sortOf(sort.value) });
  let counted = '';
  /** Each year's count for this query (and section), zeros greyed: asked for once the reader turns to the year or has one set. */
  const countYears = async (outcome: SearchOutcome | undefined) => {
    const query = outcome?.simplified ?? outcome?.terms.join(' ') ?? '';
    const key = `${query}\n${select.value}`;
    if (!query || key === counted) return;
    counted = key;
    const counts = await yearCounts(query, scope()).catch(() => undefined);
    if (!counts || counted !== key) return;
    for (const option of year.options) {
      if (!option.value) continue;
      const n = counts[option.value] ?? 0;
      option.text = `${option.value} 年（${n}）`;
      // Never hidden: a year with nothing for this query stays listed, greyed.
      option.disabled = n === 0 && option.value !== year.value;
    }
  };
  let last: SearchOutcome | undefined;
  const search = liveSearch(
    list,
    status,
    (outcome) => {
      last = outcome;
      // A search repeated as it stands (Enter again, a section put back) leaves history alone:
      // replacing the entry costs the browser a few milliseconds before the results are painted.
      const url = urlWithQuery(outcome.query, { section: select.value, year: year.value, sort: sortOf(sort.value) });
      if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
      if (year.value || document.activeElement === year) void countYears(outcome);
    },
    scope,
  );
  input.value = params.get('q') ?? '';
  fillSectionSelect(select, params.get('section') ?? '');
  // Unknown values (a typo, an old link) are the defaults: every year, relevance.
  year.value = [...year.options].some((o) => o.value === params.get('year')) ? (params.get('year') ?? '') : '';
  sort.value = sortOf(params.get('sort'));
  for (const hidden of form.querySelectorAll<HTMLElement>('[hidden]')) hidden.removeAttribute('hidden');
  void search.run(input.value);

  input.addEventListener('focus', preloadPagefind, { once: true });
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) void search.run(input.value);
  });
  // An IME commit searches at once: the reader has chosen the characters.
  input.addEventListener('compositionend', () => void search.run(input.value));
  for (const control of [select, year, sort]) control.addEventListener('change', () => void search.run(input.value));
  year.addEventListener('focus', () => void countYears(last));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search.run(input.value);
  });
}
