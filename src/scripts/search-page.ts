import { preloadPagefind } from './pagefind-api.ts';
import { liveSearch, urlWithQuery } from './live-search.ts';

/** /search/: works as a plain GET form without JS; with JS it searches as the reader types. */
export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
  const input = document.querySelector<HTMLInputElement>('#yd-search-q');
  const status = document.querySelector<HTMLElement>('#yd-search-status');
  const list = document.querySelector<HTMLElement>('#yd-search-results');
  if (!form || !input || !status || !list) return;

  const search = liveSearch(list, status, (outcome) => history.replaceState(null, '', urlWithQuery(outcome.query)));
  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  void search.run(query);

  input.addEventListener('focus', preloadPagefind, { once: true });
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) search.schedule(input.value);
  });
  input.addEventListener('compositionend', () => search.schedule(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search.run(input.value);
  });
}
