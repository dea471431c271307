import { fillSectionSelect, liveSearch, sortOf, urlWithQuery } from './live-search.ts';
import { preloadPagefind } from './pagefind-api.ts';

/** /search/: works as a plain GET form without JS; with JS it searches as the reader types. */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
  const input = document.querySelector<HTMLInputElement>('#yd-search-q');
  const select = document.querySelector<HTMLSelectElement>('#yd-search-section');
  const sort = document.querySelector<HTMLSelectElement>('#yd-search-sort');
  const status = document.querySelector<HTMLElement>('#yd-search-status');
  const list = document.querySelector<HTMLElement>('#yd-search-results');
  if (!form || !input || !select || !sort || !status || !list) return;

  const params = new URLSearchParams(location.search);
  const scope = () => ({ section: select.value, sort: sortOf(sort.value) });
  const search = liveSearch(
    list,
    status,
    (outcome) => {
      // A search repeated as it stands (Enter again, a section put back) leaves history alone:
      // replacing the entry costs the browser a few milliseconds before the results are painted.
      const url = urlWithQuery(outcome.query, scope());
      if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
    },
    scope,
  );
  input.value = params.get('q') ?? '';
  fillSectionSelect(select, params.get('section') ?? '');
  // An unknown sort= (a typo, an old link) is relevance, the default.
  sort.value = sortOf(params.get('sort'));
  for (const hidden of form.querySelectorAll<HTMLElement>('[hidden]')) hidden.removeAttribute('hidden');
  void search.run(input.value);

  input.addEventListener('focus', preloadPagefind, { once: true });
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) void search.run(input.value);
  });
  // An IME commit searches at once: the reader has chosen the characters.
  input.addEventListener('compositionend', () => void search.run(input.value));
  for (const control of [select, sort]) control.addEventListener('change', () => void search.run(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search.run(input.value);
  });
}
