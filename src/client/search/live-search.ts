import { PAGE_SIZE, readMore, runSearch, SLOW_MS, StaleSearch, type SearchOutcome, type SearchScope, type SortOrder } from './search-core.ts';
import { describeOutcome, moreButton, pageEntry } from './search-render.ts';
import { choose, filterValue } from './filter-select.ts';
import { uiText } from './ui-text.ts';

/**
 * When the best few articles go up before the rest of the first page: at
 * once if the reader has already waited SLOW_MS for the search, else when
 * the rest is still not in after REST_GRACE_MS. A quick search shows its
 * first page whole, in one paint: painting twice would only hold the rest back.
 */
const REST_GRACE_MS = 50;

export interface LiveSearch {
  /** Searches now; a newer call makes every older one stop and never show its results. */
  run(query: string): Promise<SearchOutcome | undefined>;
}

/**
 * Wires a results list and a live region to searches. There is no debounce:
 * a warm search takes milliseconds, so each input searches at once. A counter
 * marks older searches stale; they stop between steps and their results,
 * arriving late or out of order, are dropped (Pagefind's UI counts the same
 * way). After the first PAGE_SIZE articles a "more" button reads the next.
 */
export function liveSearch(
  list: HTMLElement,
  status: HTMLElement,
  onDone: (outcome: SearchOutcome) => void,
  scope: () => SearchScope = () => ({}),
): LiveSearch {
  let latest = 0;

  function failed(error: unknown, stale: () => boolean): void {
    if (error instanceof StaleSearch) return;
    // Offline, the index files already fetched answer; a query that needs others says why it cannot.
    if (!stale()) status.textContent = navigator.onLine ? uiText().loadFailed : uiText().offline;
    console.error(error);
  }

  function offerMore(outcome: SearchOutcome, stale: () => boolean): void {
    if (outcome.rest.length === 0) return;
    const item = moreButton(outcome.rest.length, PAGE_SIZE);
    const button = item.querySelector('button');
    button?.addEventListener('click', async () => {
      // Pressed again while loading: one batch, not two.
      if (button.disabled) return;
      button.disabled = true;
      const label = button.textContent;
      button.textContent = uiText().loadingMore;
      try {
        const pages = await readMore(outcome, stale);
        if (stale()) return;
        const entries = pages.map(pageEntry);
        item.replaceWith(...entries);
        status.textContent = describeOutcome(outcome);
        offerMore(outcome, stale);
        // Keyboard readers carry on from the first article just added.
        entries[0]?.querySelector('a')?.focus();
      } catch (error) {
        button.disabled = false;
        button.textContent = label;
        failed(error, stale);
      }
    });
    list.append(item);
  }

  async function run(query: string): Promise<SearchOutcome | undefined> {
    const id = ++latest;
    const stale = () => id !== latest;
    list.setAttribute('aria-busy', 'true');
    const started = performance.now();
    try {
      const outcome = await runSearch(query, scope(), stale);
      if (stale()) return undefined;
      // The best few are read; the rest of the first page is on its way. The list stays aria-busy
      // and the live region says nothing until the page is whole, so a screen reader announces one
      // outcome.
      const first = outcome.pages.map(pageEntry);
      const reading = readMore(outcome, stale, PAGE_SIZE - outcome.pages.length);
      let shown = false;
      const showFirst = () => {
        if (shown || stale()) return;
        shown = true;
        list.replaceChildren(...first);
      };
      if (performance.now() - started >= SLOW_MS) showFirst();
      else {
        const grace = setTimeout(showFirst, REST_GRACE_MS);
        void reading.finally(() => clearTimeout(grace)).catch(() => undefined);
      }
      const rest = await reading;
      if (stale()) return undefined;
      const more = rest.map(pageEntry);
      if (shown) list.append(...more);
      else list.replaceChildren(...first, ...more);
      status.textContent = describeOutcome(outcome);
      offerMore(outcome, stale);
      onDone(outcome);
      return outcome;
    } catch (error) {
      failed(error, stale);
      return undefined;
    } finally {
      if (!stale()) list.setAttribute('aria-busy', 'false');
    }
  }
  return { run };
}

/** The sort a URL asks for: newest only when it says so; anything else, or nothing, is relevance. */
export const sortOf = (value: string | null): SortOrder => (value === 'newest' ? 'newest' : 'relevance');

/** What the address keeps of a search besides its query, by fixed names: the section's, author's and series' slugs, the year, the sort. */
export interface UrlChoices {
  section?: string;
  year?: string;
  author?: string;
  series?: string;
  sort?: SortOrder;
}

/**
 * `?q=` (and `&section=<slug>`, `&year=`, `&author=<slug>`, `&series=<slug>`,
 * `&sort=newest`) in the address bar, so a search can be shared, reloaded and
 * gone back to. Relevance is the default and is not written; nothing but q is
 * written without a query.
 */
export function urlWithQuery(query: string, { section = '', year = '', author = '', series = '', sort = 'relevance' }: UrlChoices = {}): string {
  const url = new URL(location.href);
  const values = [
    ['q', query],
    ['section', section],
    ['year', year],
    ['author', author],
    ['series', series],
    ['sort', sort === 'newest' ? sort : ''],
  ] as const;
  for (const [key, value] of values) {
    if (value && (key === 'q' || query)) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.pathname + url.search + url.hash;
}

/**
 * A "全部栏目" select with the site's news sections, read from the header's
 * section navigation: it is rendered from the same list the pages' section
 * filters come from, in the page's script, so asking the index for its
 * filters (a fetch per index bundle) is not needed. Each option's value is
 * the section's slug (the address's section=), its text the name the index
 * filters by. `selected` (a slug, or a name as older links have it) is kept if present.
 */
export function fillSectionSelect(select: HTMLSelectElement, selected: string): void {
  const sections = [...document.querySelectorAll<HTMLAnchorElement>('.yd-sections a')].map((link) => ({
    slug: new URL(link.href).pathname.replace(/\/$|\.html$/, '').split('/').pop() ?? '',
    name: link.textContent?.trim() ?? '',
  }));
  select.replaceChildren(new Option(uiText().allSections, ''), ...sections.filter((s) => s.name && s.slug).map((s) => new Option(s.name, s.slug)));
  choose(select, selected);
}

/** The name the index filters a section select's choice by ('' for all sections). */
export const sectionName = (select: HTMLSelectElement): string => filterValue(select, false);
