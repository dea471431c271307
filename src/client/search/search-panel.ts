import { fillSectionSelect, liveSearch, sectionName, urlWithQuery } from './live-search.ts';
import { preloadSearch } from './search-core.ts';
import { uiLang, uiText } from './ui-text.ts';

/**
 * The header search, enhanced (search-boot.ts loads this and handles submit): results open in a panel under the header
 * without leaving the page. The reader keeps typing in the header input (IME
 * composition is never interrupted), ArrowDown/ArrowUp move through the
 * results, Enter follows one, Esc closes and returns focus to the input.
 * `?q=` follows the query: the first search of a visit pushes a history entry,
 * so Back closes the panel and Forward or a reload brings it back.
 */
export function startSearchPanel(input: HTMLInputElement, form: HTMLFormElement): { open(query: string): void } {
  const panel = document.createElement('section');
  panel.id = 'yd-search-panel';
  panel.className = 'yd-search-panel';
  panel.hidden = true;
  const text = uiText();
  panel.setAttribute('aria-label', text.results);
  panel.setAttribute('data-pagefind-ignore', 'all');
  const status = document.createElement('p');
  status.className = 'yd-search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'yd-search-results';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'yd-search-close';
  close.textContent = text.close;
  close.setAttribute('aria-label', text.closeResults);
  const select = document.createElement('select');
  select.className = 'yd-search-section';
  select.setAttribute('aria-label', text.section);
  // The panel's own words are in the page's script once its catalogue is loaded (ui-text.ts);
  // if that failed they are simplified and say so. The results keep the page's language.
  for (const control of [close, select, status]) control.lang = uiLang();
  panel.append(close, select, status, list);
  const params = new URLSearchParams(location.search);
  fillSectionSelect(select, params.get('section') ?? '');
  form.closest('header')?.after(panel);
  input.setAttribute('aria-controls', panel.id);
  input.setAttribute('aria-expanded', 'false');

  let pushed = false;
  const recordInUrl = (query: string) => {
    const url = urlWithQuery(query, { section: select.value });
    if (pushed || new URLSearchParams(location.search).has('q')) history.replaceState({ ydSearch: true }, '', url);
    else history.pushState({ ydSearch: true }, '', url);
    pushed = true;
  };
  const search = liveSearch(list, status, (outcome) => recordInUrl(outcome.query), () => ({ section: sectionName(select) }));
  select.addEventListener('change', () => void search.run(input.value));

  function show(): void {
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  function hide(updateUrl: boolean): void {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    if (updateUrl) history.replaceState(null, '', urlWithQuery(''));
    pushed = false;
  }
  function open(query: string): void {
    input.value = query;
    show();
    void search.run(query);
  }
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  // This module usually loads because the input just gained focus: warm Pagefind up now.
  if (document.activeElement === input) preloadSearch();
  else input.addEventListener('focus', preloadSearch, { once: true });
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    show();
    void search.run(input.value);
  });
  // An IME commit searches at once: the reader has chosen the characters.
  input.addEventListener('compositionend', () => void search.run(input.value));
  close.addEventListener('click', () => {
    hide(true);
    input.focus();
  });

  // Esc closes from anywhere while the panel is open; arrows walk input -> results.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden) return;
    event.preventDefault();
    hide(true);
    input.focus();
  });
  for (const target of [input, panel]) {
    target.addEventListener('keydown', (event) => {
      const all = links();
      const at = all.indexOf(document.activeElement as HTMLAnchorElement);
      if (event.key === 'ArrowDown' && all.length > 0) {
        event.preventDefault();
        show();
        all[Math.min(at + 1, all.length - 1)]?.focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : all[at - 1])?.focus();
      }
    });
  }

  window.addEventListener('popstate', () => {
    const now = new URLSearchParams(location.search);
    const query = now.get('q');
    if (query) {
      if ([...select.options].some((o) => o.value === now.get('section'))) select.value = now.get('section') ?? '';
      open(query);
    }
    else hide(false);
  });

  // Keystrokes made while this module was loading.
  if (input.value && document.activeElement === input) {
    show();
    void search.run(input.value);
  }
  return { open };
}
