import { fillSectionSelect, liveSearch, urlWithQuery } from './live-search.ts';
import { preloadPagefind } from './pagefind-api.ts';

/** /search/: works as a plain GET form without JS; with JS it searches as the reader types. */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
  const input = document.querySelector<HTMLInputElement>('#yd-search-q');
  const select = document.querySelector<HTMLSelectElement>('#yd-search-section');
  const status = document.querySelector<HTMLElement>('#yd-search-status');
  const list = document.querySelector<HTMLElement>('#yd-search-results');
  if (!form || !input || !select || !status || !list) return;

  const params = new URLSearchParams(location.search);
  const search = liveSearch(
    list,
    status,
    (outcome) => {
      // A search repeated as it stands (Enter again, a section put back) leaves history alone:
      // replacing the entry costs the browser a few milliseconds before the results are painted.
      const url = urlWithQuery(outcome.query, select.value);
      if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
    },
    () => select.value,
  );
  input.value = params.get('q') ?? '';
  fillSectionSelect(select, params.get('section') ?? '');
  select.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  void search.run(input.value);

  input.addEventListener('focus', preloadPagefind, { once: true });
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) void search.run(input.value);
  });
  // An IME commit searches at once: the reader has chosen the characters.
  input.addEventListener('compositionend', () => void search.run(input.value));
  select.addEventListener('change', () => void search.run(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search.run(input.value);
  });
}
