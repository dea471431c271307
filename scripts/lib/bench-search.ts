import type { Browser } from 'playwright-core';

/** One search, in ms: to the first results shown, and to the whole first page (20 read, the status line said). */
export interface SearchSample {
  shown: number;
  whole: number;
}

export interface SearchPage {
  /** From navigation start: the page, Pagefind, its merged bundles, the query, the results. */
  cold: SearchSample;
  /** Site paths of the index files (and t2s.json) the cold search fetched. */
  fetched: string[];
  /** The same query submitted again on the page, as a reader pressing Enter. */
  warm(): Promise<SearchSample>;
  /** Results on the page now. */
  hits(): Promise<number>;
  close(): Promise<void>;
}

/**
 * yuedu's search page opened cold on /search/?q=… (&sort=newest) in a fresh browser
 * context. The offline worker is blocked: registering meanwhile, it would
 * time its own install too.
 */
export async function openSearchPage(browser: Browser, siteUrl: string, query: string, sort: 'relevance' | 'newest' = 'relevance'): Promise<SearchPage> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    new MutationObserver(() => {
      const list = document.querySelector('#yd-search-results');
      const status = document.querySelector('#yd-search-status')?.textContent ?? '';
      const w = window as unknown as { ydShown?: number; ydRendered?: number };
      if (w.ydShown === undefined && list?.querySelector('.yd-result')) w.ydShown = performance.now();
      if (w.ydRendered === undefined && list?.getAttribute('aria-busy') === 'false' && status !== '') w.ydRendered = performance.now();
    }).observe(document, { attributes: true, childList: true, subtree: true });
  });
  const page = await context.newPage();
  const fetched: string[] = [];
  const base = new URL(siteUrl).pathname;
  page.on('request', (request) => {
    const pathname = new URL(request.url()).pathname;
    if (pathname.includes('/pagefind/') || pathname.endsWith('/t2s.json')) fetched.push(pathname.slice(base.length - 1));
  });
  // Newest first is in the address, as a shared link has it; the warm searches keep the control's choice.
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}${sort === 'newest' ? '&sort=newest' : ''}`);
  await page.waitForFunction(() => (window as unknown as { ydRendered?: number }).ydRendered !== undefined);
  // A query nothing matches shows no result: then its answer is the whole outcome.
  const cold = await page.evaluate(() => {
    const w = window as unknown as { ydShown?: number; ydRendered: number };
    return { shown: w.ydShown ?? w.ydRendered, whole: w.ydRendered };
  });
  const warm = () =>
    page.evaluate(async (q) => {
      const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
      const input = document.querySelector<HTMLInputElement>('#yd-search-q');
      const list = document.querySelector<HTMLElement>('#yd-search-results');
      if (!form || !input || !list) throw new Error('search page markup changed');
      let t0 = 0;
      let shown = Number.NaN;
      // The first results replace the list's children; the whole page is in when it is no longer busy.
      const firstShown = new MutationObserver(() => {
        if (Number.isNaN(shown)) shown = performance.now() - t0;
      });
      firstShown.observe(list, { childList: true });
      const rendered = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (list.getAttribute('aria-busy') === 'false') {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      input.value = q;
      t0 = performance.now();
      form.requestSubmit();
      await rendered;
      firstShown.disconnect();
      const whole = performance.now() - t0;
      return { shown: Number.isNaN(shown) ? whole : shown, whole };
    }, query);
  return {
    cold,
    fetched,
    warm,
    hits: () => page.locator('#yd-search-results .yd-result').count(),
    close: () => context.close(),
  };
}
