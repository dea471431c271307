import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { useSite } from '../support/e2e.ts';
import { HANT_ID, PICTURE_ID } from '../support/picture-site.ts';

// The picture article (simplified) says 软件 and 悉尼; the article written in traditional
// characters says 軟體, 計程車 and 川普. A reader from elsewhere types the words of home.
const site = useSite('distPictures', '/news/');

async function search(query: string): Promise<{ page: Page; status: string; links: string[]; marks: string[] }> {
  const page = await site.browser.newPage({ viewport: PHONE, serviceWorkers: 'block' });
  await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
  const status = await page.locator('#yd-search-status').innerText();
  const links = await page.locator('#yd-search-results .yd-result-title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const marks = await page.locator('#yd-search-results mark').allInnerTexts();
  return { page, status, links, marks };
}

describe('search across the vocabularies of the mainland, Taiwan and Hong Kong', () => {
  it('a Taiwan word (軟體) finds the articles in both vocabularies, each marked with the word it uses, saying what it searched', async () => {
    const { page, status, links, marks } = await search('軟體');
    expect(new Set(links)).toEqual(new Set([`/news/articles/${HANT_ID}/zh-hans/`, `/news/articles/${PICTURE_ID}/`]));
    expect(new Set(marks)).toEqual(new Set(['软体', '软件']));
    expect(status).toBe('找到 2 篇包含“软体”的文章（也搜索了：软件，“軟體”的另一种说法）');
    // The mainland article opens with the word it uses marked.
    await page.locator(`#yd-search-results .yd-result:has(a[href*="${PICTURE_ID}"]) .yd-hit-link`).first().click();
    await page.waitForSelector('mark');
    expect(new Set(await page.locator('.yd-prose mark').allInnerTexts())).toEqual(new Set(['软件']));
    await page.close();
  });

  it('a mainland word (软件) finds the article written with Taiwan\'s (軟體) as well as its own', async () => {
    const { page, status, links } = await search('软件');
    expect(links).toEqual([`/news/articles/${PICTURE_ID}/`, `/news/articles/${HANT_ID}/zh-hans/`]);
    const marksOf = (id: string) => page.locator(`#yd-search-results .yd-result:has(a[href*="${id}"]) mark`).allInnerTexts();
    expect(new Set(await marksOf(PICTURE_ID))).toEqual(new Set(['软件']));
    expect(new Set(await marksOf(HANT_ID))).toEqual(new Set(['软体']));
    expect(status).toBe('找到 2 篇包含“软件”的文章（也搜索了：软体，“软件”的另一种说法）');
    await page.close();
  });

  it('on a traditional page, a mainland word (软件) finds the Taiwan article as written and marks 軟體 there', async () => {
    const page = await site.browser.newPage({ viewport: PHONE, serviceWorkers: 'block' });
    await page.goto(`${site.server.url}articles/${HANT_ID}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await page.click('#yd-header-q');
    await page.keyboard.type('软件');
    await page.waitForSelector('#yd-search-panel:not([hidden]) .yd-search-results[aria-busy="false"]', { state: 'attached' });
    const result = page.locator(`#yd-search-panel .yd-result:has(.yd-result-title a[href*="/articles/${HANT_ID}/"]:not([href*="zh-hans"]))`);
    expect(await result.count()).toBe(1);
    expect(new Set(await result.locator('mark').allInnerTexts())).toEqual(new Set(['軟體']));
    // The word heading the status is not named again among the words also searched.
    expect(await page.locator('#yd-search-panel [role="status"]').innerText()).toBe('找到 2 篇包含“軟件”的文章（也搜索了：軟體，“软件”的另一種說法）');
    // The article opens with the word it uses marked.
    await result.locator('.yd-hit-link').first().click();
    await page.waitForSelector('.yd-prose mark');
    expect(new Set(await page.locator('.yd-prose mark').allInnerTexts())).toEqual(new Set(['軟體']));
    await page.close();
  });

  it('on a traditional page, a Taiwan word (軟體) finds the mainland article\'s traditional page, marked 軟件', async () => {
    const page = await site.browser.newPage({ viewport: PHONE, serviceWorkers: 'block' });
    await page.goto(`${site.server.url}articles/${HANT_ID}/`);
    await page.click('#yd-header-q');
    await page.keyboard.type('軟體');
    await page.waitForSelector('#yd-search-panel:not([hidden]) .yd-search-results[aria-busy="false"]', { state: 'attached' });
    const links = await page.locator('#yd-search-panel .yd-result-title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(new Set(links)).toEqual(new Set([`/news/articles/${HANT_ID}/`, `/news/articles/${PICTURE_ID}/zh-hant/`]));
    const picture = page.locator(`#yd-search-panel .yd-result:has(.yd-result-title a[href*="${PICTURE_ID}"])`);
    expect(new Set(await picture.locator('mark').allInnerTexts())).toEqual(new Set(['軟件']));
    expect(await page.locator('#yd-search-panel [role="status"]').innerText()).toContain('軟件');
    await page.close();
  });

  it('a mainland word (出租车) finds the article written in Taiwan\'s (計程車)', async () => {
    const { page, links, marks } = await search('出租车');
    expect(links).toEqual([`/news/articles/${HANT_ID}/zh-hans/`]);
    expect(new Set(marks)).toEqual(new Set(['计程车']));
    await page.close();
  });

  it('an alias from content/search-aliases.json works both ways: 雪梨 finds 悉尼, 特朗普 finds 川普', async () => {
    const sydney = await search('雪梨');
    expect(sydney.links).toEqual([`/news/articles/${PICTURE_ID}/`]);
    expect(new Set(sydney.marks)).toEqual(new Set(['悉尼']));
    const trump = await search('特朗普');
    expect(trump.links).toEqual([`/news/articles/${HANT_ID}/zh-hans/`]);
    expect(new Set(trump.marks)).toEqual(new Set(['川普']));
    await Promise.all([sydney.page.close(), trump.page.close()]);
  });
});
