import { runSearch, type SearchOutcome } from './search-core.ts';
import { renderOutcome } from './search-render.ts';
import { uiText } from './ui-text.ts';

const DEBOUNCE_MS = 150;

export interface LiveSearch {
  /** Searches now, dropping any pending keystroke search. */
  run(query: string): Promise<SearchOutcome | undefined>;
  /** Searches after typing pauses; waits for IME composition to end. */
  schedule(query: string): void;
}

/**
 * Wires a results list and a live region to searches. A counter drops results
 * of an older query that arrive after a newer one (Pagefind's UI does the same).
 */
export function liveSearch(
  list: HTMLElement,
  status: HTMLElement,
  onDone: (outcome: SearchOutcome) => void,
  section: () => string = () => '',
): LiveSearch {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function run(query: string): Promise<SearchOutcome | undefined> {
    clearTimeout(timer);
    const id = ++latest;
    list.setAttribute('aria-busy', 'true');
    try {
      const outcome = await runSearch(query, section());
      if (id !== latest) return undefined;
      renderOutcome(list, status, outcome);
      onDone(outcome);
      return outcome;
    } catch (error) {
      if (id === latest) status.textContent = uiText().loadFailed;
      console.error(error);
      return undefined;
    } finally {
      if (id === latest) list.setAttribute('aria-busy', 'false');
    }
  }
  return {
    run,
    schedule(query) {
      clearTimeout(timer);
      timer = setTimeout(() => void run(query), DEBOUNCE_MS);
    },
  };
}

/** `?q=` (and `&section=`) in the address bar, so a search can be shared, reloaded and gone back to. */
export function urlWithQuery(query: string, section = ''): string {
  const url = new URL(location.href);
  for (const [key, value] of [['q', query], ['section', query ? section : '']] as const) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.pathname + url.search + url.hash;
}

/**
 * A "全部栏目" select with the site's news sections, read from the header's
 * section navigation: it is rendered from the same list the pages' section
 * filters come from, in the page's script, so asking the index for its
 * filters (a fetch per index bundle) is not needed. `selected` is kept if present.
 */
export function fillSectionSelect(select: HTMLSelectElement, selected: string): void {
  const names = [...document.querySelectorAll('.yd-sections a')].map((link) => link.textContent?.trim() ?? '').filter(Boolean);
  select.replaceChildren(new Option(uiText().allSections, ''), ...names.map((name) => new Option(name, name)));
  select.value = names.includes(selected) ? selected : '';
}
