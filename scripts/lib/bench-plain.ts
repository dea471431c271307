import type { Browser } from 'playwright-core';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Plain Pagefind on the same bundles yuedu searches: pagefind.js with this
 * language's bundles merged, `search(term)` and `data()` of the first 20
 * results, none of yuedu's ranking, fragments or phrase check. Cold is the
 * first call from loading pagefind.js; warm the median of `runs` calls after.
 */
export async function plainPagefind(browser: Browser, siteUrl: string, term: string, runs: number): Promise<{ cold: number; warm: number }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/`);
  const base = new URL(siteUrl).pathname;
  const { cold, warm } = await page.evaluate(
    async ({ base, term, runs }) => {
      interface Api {
        options(o: { baseUrl: string }): Promise<void>;
        mergeIndex(url: string, o: { baseUrl: string }): Promise<void>;
        search(term: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
      }
      const started = performance.now();
      const api = (await import(`${base}pagefind/pagefind.js`)) as Api;
      await api.options({ baseUrl: base });
      const parts = (await (await fetch(`${base}pagefind/yuedu-parts.json`)).json()) as { bundles: Record<string, string[]> };
      await Promise.all((parts.bundles['zh-cn'] ?? []).map((part) => api.mergeIndex(`${base}pagefind/${part}`, { baseUrl: base })));
      const once = async () => {
        const { results } = await api.search(term);
        await Promise.all(results.slice(0, 20).map((result) => result.data()));
      };
      await once();
      const cold = performance.now() - started;
      const warm: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await once();
        warm.push(performance.now() - t0);
      }
      return { cold, warm };
    },
    { base, term, runs },
  );
  await context.close();
  return { cold, warm: median(warm) };
}
