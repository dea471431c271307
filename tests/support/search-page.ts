import type { Browser } from 'playwright-core';
import { PHONE } from './browser.ts';

export interface SearchOutcome {
  /** The status line ("找到 1 篇包含…"). */
  status: string;
  /** The result links' paths, in the order shown. */
  links: string[];
}

/** What a reader sees on the search page for `term`: its status line and result links, in a tab of its own. */
export async function searchPage(browser: Browser, siteUrl: string, term: string): Promise<SearchOutcome> {
  const tab = await browser.newPage({ viewport: PHONE, serviceWorkers: 'block' });
  try {
    await tab.goto(`${siteUrl}search/?q=${encodeURIComponent(term)}`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    return {
      status: await tab.locator('#yd-search-status').innerText(),
      links: await tab.locator('.yd-result-title a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    };
  } finally {
    await tab.close();
  }
}
