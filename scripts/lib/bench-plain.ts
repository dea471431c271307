import type { Browser } from 'playwright-core';

export interface PlainPagefind {
  /** ms from loading pagefind.js to the first search's 20 results read. */
  cold: number;
  /** ms of one more search and its 20 data() calls. */
  warm(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Plain Pagefind on the same bundles yuedu searches, in a page of its own:
 * pagefind.js with this language's bundles merged, `search(term)` and
 * `data()` of the first 20 results (by Pagefind's date sort when `newest`),
 * none of yuedu's ranking, fragments or phrase check.
 */
export async function openPlainPagefind(browser: Browser, siteUrl: string, term: string, newest = false): Promise<PlainPagefind> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/`);
  const base = new URL(siteUrl).pathname;
  const cold = await page.evaluate(
    async ({ base, term, newest }) => {
      interface Api {
        options(o: { baseUrl: string }): Promise<void>;
        mergeIndex(url: string, o: { baseUrl: string }): Promise<void>;
        search(term: string, o?: { sort?: Record<string, 'desc'> }): Promise<{ results: { data(): Promise<unknown> }[] }>;
      }
      const started = performance.now();
      const api = (await import(`${base}pagefind/pagefind.js`)) as Api;
      await api.options({ baseUrl: base });
      const parts = (await (await fetch(`${base}pagefind/yuedu-parts.json`)).json()) as { bundles: Record<string, string[]> };
      await Promise.all((parts.bundles['zh-cn'] ?? []).map((part) => api.mergeIndex(`${base}pagefind/${part}`, { baseUrl: base })));
      const once = async () => {
        const t0 = performance.now();
        const { results } = await api.search(term, newest ? { sort: { date: 'desc' } } : {});
        await Promise.all(results.slice(0, 20).map((result) => result.data()));
        return performance.now() - t0;
      };
      (window as unknown as { ydPlain: () => Promise<number> }).ydPlain = once;
      await once();
      return performance.now() - started;
    },
    { base, term, newest },
  );
  return {
    cold,
    warm: () => page.evaluate(() => (window as unknown as { ydPlain: () => Promise<number> }).ydPlain()),
    close: () => context.close(),
  };
}
