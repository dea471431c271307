import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.ts';
import { HANT_ID, PICTURE_ID } from '../support/picture-site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject('distPictures'), '/news/')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ARTICLE = () => `${server.url}articles/${PICTURE_ID}/`;
const KB = 1024;
const IMAGE = /\.(?:avif|webp|jpe?g|png|gif|svg)$/;

interface Watched {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** Picture URL -> bytes received (known once the response is read). */
  pictures: Map<string, Promise<number>>;
}

/**
 * A fresh page that records console errors, CSP violations and every picture
 * it fetches, with its size. `firstView` leaves out offline reading, which
 * fetches the article's remaining pictures once the page has loaded
 * (tests/e2e/offline.test.ts): what the first screen costs is measured alone.
 */
async function watchedPage(viewport: { width: number; height: number }, { firstView = false } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport, serviceWorkers: firstView ? 'block' : 'allow' });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const watched: Watched = { context, page, problems: [], pictures: new Map() };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watched.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watched.problems.push(`pageerror: ${e.message}`));
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!IMAGE.test(path) || path.endsWith('favicon.svg')) return;
    watched.pictures.set(path, request.sizes().then((sizes) => sizes.responseBodySize));
  });
  return watched;
}

/**
 * Lets loading settle: the page's network goes quiet, every picture the
 * browser chose to load has arrived, and two more frames pass (the lazy-load
 * observer runs between frames).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => [...document.images].every((img) => img.loading === 'lazy' || img.complete));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('the picture article on a %s', (_, viewport) => {
  it('loads every page of it, in both scripts, with 0 console errors and 0 CSP violations', async () => {
    const w = await watchedPage(viewport);
    for (const path of [`articles/${PICTURE_ID}/`, `articles/${PICTURE_ID}/zh-hant/`, '', `tags/${encodeURIComponent('云计算')}/`, 'sections/tech/']) {
      await w.page.goto(server.url + path);
      await w.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await settle(w.page);
    }
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('fetches the cover at once and the pictures below only when the reader scrolls near them', async () => {
    const w = await watchedPage(viewport, { firstView: true });
    await w.page.goto(ARTICLE());
    await settle(w.page);
    const before = [...w.pictures.keys()];
    expect(before.some((p) => /\/cover\.[\w-]+\.avif$/.test(p)), before.join('\n')).toBe(true);
    // The last picture sits thousands of pixels below the first screen.
    expect(before.filter((p) => p.includes('/data-center.'))).toEqual([]);
    const last = w.page.locator('img[alt="清晨的数据中心外景"]');
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 5000 }).toBe(true);
    await expect.poll(() => [...w.pictures.keys()].filter((p) => p.includes('/data-center.')), { timeout: 5000 }).toHaveLength(1);
    await w.context.close();
  });

  it('does not shift the layout while pictures load (CLS 0)', async () => {
    const w = await watchedPage(viewport);
    await w.context.addInitScript(() => {
      (window as unknown as { ydShift: number }).ydShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { ydShift: number }).ydShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await w.page.goto(ARTICLE());
    await settle(w.page);
    expect(await w.page.evaluate(() => (window as unknown as { ydShift: number }).ydShift)).toBe(0);
    await w.context.close();
  });
});

describe('on a phone', () => {
  it('fetches at most 60 KB of pictures for the first screen, the cover as a phone-sized AVIF', async () => {
    const w = await watchedPage(PHONE, { firstView: true });
    await w.page.goto(ARTICLE());
    await settle(w.page);
    const total = (await Promise.all(w.pictures.values())).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1 * KB);
    expect(total).toBeLessThanOrEqual(60 * KB);
    const cover = await w.page.locator('.yd-cover img').evaluate((img: HTMLImageElement) => img.currentSrc);
    expect(cover).toMatch(/cover\.[\w-]+\.avif$/);
    await w.context.close();
  });

  it('scrolls a wide table inside its own box; the page never scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(ARTICLE());
    const box = page.locator('.yd-table').nth(1);
    await box.scrollIntoViewIfNeeded();
    const widths = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // Right-aligned numbers stay whole: no line break inside 3,000,000.
    const cell = page.locator('.yd-table').first().locator('td.yd-align-right').last();
    const lines = await cell.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await page.close();
  });

  it('goes to a footnote and back to where it was cited', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(ARTICLE());
    await page.locator('sup.yd-fnref a').first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#yd-fn-1');
    const note = page.locator('#yd-fn-1');
    // The page scrolls smoothly: wait for the note to arrive on screen.
    const onScreen = { timeout: 5000 };
    await expect.poll(() => note.evaluate((li) => li.getBoundingClientRect().top >= 0 && li.getBoundingClientRect().bottom <= innerHeight), onScreen).toBe(true);
    await note.locator('a.yd-fnback').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#yd-fnref-1');
    await expect
      .poll(() => page.locator('#yd-fnref-1').evaluate((a) => a.getBoundingClientRect().top >= 0 && a.getBoundingClientRect().bottom <= innerHeight), onScreen)
      .toBe(true);
    await page.close();
  });

  it('shows captions in traditional characters on the zh-Hant page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${ARTICLE()}zh-hant/`);
    const captions = await page.locator('.yd-prose figcaption').allInnerTexts();
    expect(captions).toContain('雲棲會場外的展臺，上午九點');
    expect(captions).toContain('第二天清晨，數據中心外景');
    await page.close();
  });

  it.each([
    ['a caption', '夜班开始时的城市'],
    ['alt text', '霓虹闪烁的高架桥'],
  ])('finds %s in search and lands on the section of its figure', async (_, query) => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    const hit = page.locator('#yd-search-results .yd-hits > li a').first();
    expect(await hit.getAttribute('href')).toMatch(new RegExp(`/news/articles/${PICTURE_ID}/\\?highlight=.*#${encodeURIComponent('夜班')}$`));
    const excerpts = await page.locator('#yd-search-results').innerHTML();
    expect(excerpts).not.toMatch(/<img|<picture|_astro\//);
    await page.close();
  });
});

describe('print', () => {
  it('prints pictures at the column width with their captions, and the footnotes', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(ARTICLE());
    await page.emulateMedia({ media: 'print' });
    const column = await page.locator('.yd-prose').evaluate((el) => el.getBoundingClientRect().width);
    for (const img of await page.locator('.yd-prose figure img, .yd-cover img').all()) {
      expect((await img.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(column + 0.5);
    }
    expect(await page.locator('.yd-cover img').evaluate((img) => img.getBoundingClientRect().width)).toBeCloseTo(column, 0);
    expect(await page.locator('.yd-prose figcaption').first().isVisible()).toBe(true);
    expect(await page.locator('.yd-notes li').count()).toBe(2);
    expect(await page.locator('.yd-notes').isVisible()).toBe(true);
    // The wide table shows all its columns on paper: no scroll box to hide them in.
    expect(await page.locator('.yd-table').nth(1).evaluate((el) => getComputedStyle(el).overflowX)).toBe('visible');
    await page.close();
  });
});

describe('an article written in traditional characters', () => {
  it('is found by a simplified query, which opens its simplified twin', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('车厢里的风景')}`);
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await page.locator('.yd-result-title a').first().getAttribute('href')).toBe(`/news/articles/${HANT_ID}/zh-hans/`);
    expect(await page.locator('.yd-result-title a').first().innerText()).toBe('台北捷运的一个早晨');
    await page.close();
  });
});
