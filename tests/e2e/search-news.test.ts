import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { LEVEE } from '../support/series-site.ts';

// Searching a newsroom as a news reader does: when each story appeared, newest first.
const SHOTS = process.env['YUEDU_SHOTS'];
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject('distSeries'), '/news/')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** In four articles over three years, a series page's introduction, and the undated seed article. */
const WORD = '一个';

async function search(query: string, viewport = PHONE): Promise<Page> {
  const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
  await page.goto(`${server.url}search/?${query}`);
  await done(page);
  return page;
}
const done = (page: Page) => page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
/** Each result: its title and the dates under it. */
const results = (page: Page) =>
  page.locator('#yd-search-results > .yd-result').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('.yd-result-title a')?.textContent ?? '',
      dates: [...li.querySelectorAll(':scope > .yd-meta time')].map((t) => t.getAttribute('datetime')),
    })),
  );

describe('search results of a newsroom', () => {
  it('show when each article appeared, and when it was corrected', async () => {
    const page = await search(`q=${encodeURIComponent('海堤')}`);
    const [levee] = await results(page);
    expect(levee).toEqual({ title: '海堤修补工程赶在汛期前完工', dates: ['2024-10-02', '2024-10-08'] });
    expect(await page.locator('#yd-search-results > .yd-result .yd-meta').first().innerText()).toMatch(/^2024-10-02\s+更新于 2024-10-08$/);
    expect(await page.locator(`#yd-search-results a[href*="/articles/${LEVEE}/"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('newest first (?sort=newest): dates never go up, the undated article comes last, and the control says so', async () => {
    const page = await search(`q=${WORD}&sort=newest`);
    expect(await page.locator('#yd-search-sort').inputValue()).toBe('newest');
    const shown = await results(page);
    expect(shown.length).toBe(6);
    // A series page is dated by its newest part.
    expect(shown[0]).toEqual({ title: '台风过后', dates: ['2024-09-20'] });
    const dates = shown.map((r) => r.dates[0] ?? '');
    expect(dates.at(-1)).toBe('');
    expect(shown.at(-1)?.title).toBe('阿里云还是阿里巴巴的那朵云');
    const dated = dates.slice(0, -1);
    expect(dated.every(Boolean)).toBe(true);
    expect(dated).toEqual([...dated].sort().reverse());
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-newest-phone.png`, fullPage: false });
    await page.close();
  });

  it('switches between 相关度 and 最新 in place, keeping the choice in the URL so a link reproduces it', async () => {
    const page = await search(`q=${WORD}`, DESKTOP);
    expect(await page.locator('#yd-search-sort').inputValue()).toBe('relevance');
    const byRelevance = (await results(page)).map((r) => r.title);
    await page.selectOption('#yd-search-sort', 'newest');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'newest');
    await done(page);
    const byDate = (await results(page)).map((r) => r.title);
    expect([...byDate].sort()).toEqual([...byRelevance].sort());
    // The address now reproduces the newest-first list.
    const again = await search(new URL(page.url()).search.slice(1), DESKTOP);
    expect((await results(again)).map((r) => r.title)).toEqual(byDate);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-newest-desktop.png`, fullPage: false });
    await page.selectOption('#yd-search-sort', 'relevance');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sort'));
    await done(page);
    expect((await results(page)).map((r) => r.title)).toEqual(byRelevance);
    await Promise.all([page.close(), again.close()]);
  });

  it('takes an unknown sort= as relevance, the default, and still searches', async () => {
    const page = await search(`q=${WORD}&sort=oldest`);
    expect(await page.locator('#yd-search-sort').inputValue()).toBe('relevance');
    expect((await results(page)).length).toBe(6);
    await page.close();
  });
});
