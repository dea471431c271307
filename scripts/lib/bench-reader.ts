import type { Browser, Page } from 'playwright-core';
import { PHONE } from '../../tests/support/browser.ts';

export interface ReaderMeasure {
  /** Median ms from the last input event to the first result on screen, in a fresh page. */
  cold: number;
  /** The same, for the query typed again in that page. */
  warm: number;
  /** Median bytes fetched from focusing the box to the first result. */
  bytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
// What a reader waits between putting the cursor in the box and committing a word: issue 15's
// measure gave 1 s, issue 31's a quick reader's 300 ms, when the search code may still be loading.
export const PAUSES_MS = [1000, 300] as const;

/**
 * Arms a clock in the page: it starts at the next input event and stops when
 * the header panel shows a result. Read it with readClock once the query is in.
 */
async function armClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#yd-header-q');
    (window as unknown as { ydClock: Promise<number> }).ydClock = new Promise<number>((resolve) => {
      let started = 0;
      input?.addEventListener('input', () => (started = performance.now()), { capture: true });
      const observer = new MutationObserver(() => {
        if (started && document.querySelector('#yd-search-panel .yd-result')) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
}

const readClock = (page: Page) => page.evaluate(() => (window as unknown as { ydClock: Promise<number> }).ydClock);

/**
 * The reader's measure (issue 15): on a phone, open an article, focus the
 * header search box, pause, commit the query in one input event (as an IME
 * commit or a paste does), and time from that event to the first result on
 * screen. Cold in a fresh page, then warm with the same query again.
 */
export async function readerMeasure(browser: Browser, articleUrl: string, queries: readonly string[], runs: number, pauseMs: number = PAUSES_MS[0]): Promise<ReaderMeasure> {
  const cold: number[] = [];
  const warm: number[] = [];
  const bytes: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const query of queries) {
      const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(articleUrl);
      let counting = false;
      let fetched = 0;
      page.on('requestfinished', (request) => {
        // A request still finishing as the context closes has no sizes left to read: not counted.
        if (counting) void request.sizes().then((sizes) => (fetched += sizes.responseBodySize + sizes.responseHeadersSize), () => undefined);
      });
      const input = page.locator('#yd-header-q');
      counting = true;
      await input.focus();
      await page.waitForTimeout(pauseMs);
      await armClock(page);
      await page.keyboard.insertText(query);
      cold.push(await readClock(page));
      bytes.push(fetched);
      await input.fill('');
      await page.waitForFunction(() => !document.querySelector('#yd-search-panel .yd-result'));
      await armClock(page);
      await page.keyboard.insertText(query);
      warm.push(await readClock(page));
      await context.close();
    }
  }
  return { cold: median(cold), warm: median(warm), bytes: median(bytes) };
}
