import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
let root: StaticServer;
let news: StaticServer;
beforeAll(async () => {
  [browser, root, news] = await Promise.all([
    launchBrowser(),
    serveStatic(inject('distRoot')),
    serveStatic(inject('distNews'), '/news/'),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([root?.close(), news?.close()]);
});

const anchor = (id: string) => `#${encodeURIComponent(id)}`;

async function search(server: StaticServer, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
  return page;
}

async function sectionLinks(page: Page) {
  return page.locator('.yd-search-results ul > li > a').evaluateAll((links) =>
    links.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
  );
}

describe('search page', () => {
  it('finds 云栖大会 in the opening part and in the last section, with the phrase marked whole', async () => {
    const page = await search(root, '云栖大会');
    expect(await page.locator('.yd-search-results h2 a').allInnerTexts()).toEqual(['阿里云还是阿里巴巴的那朵云']);
    expect(await sectionLinks(page)).toEqual([
      { text: '导语', href: `/articles/${ARTICLE_ID}/${anchor('yd-title')}` },
      { text: '无法脱离于阿里巴巴的阿里云', href: `/articles/${ARTICLE_ID}/${anchor('无法脱离于阿里巴巴的阿里云')}` },
    ]);
    expect(await page.locator('.yd-search-results mark').allInnerTexts()).toEqual(['云栖大会', '云栖大会']);
    await page.close();
  });

  it('finds 淘天 in the two sections that talk about 淘天集团, and following a link lands on that section', async () => {
    const page = await search(root, '淘天');
    expect(await sectionLinks(page)).toEqual([
      { text: '昂贵的AI', href: `/articles/${ARTICLE_ID}/${anchor('昂贵的ai')}` },
      { text: '无法脱离于阿里巴巴的阿里云', href: `/articles/${ARTICLE_ID}/${anchor('无法脱离于阿里巴巴的阿里云')}` },
    ]);
    await page.locator('.yd-search-results ul > li > a', { hasText: '无法脱离于阿里巴巴的阿里云' }).click();
    await page.waitForURL(/\/articles\//);
    const top = async () => (await page.locator('h2#无法脱离于阿里巴巴的阿里云').boundingBox())?.y ?? Number.NaN;
    await expect.poll(top).toBeGreaterThanOrEqual(0);
    await expect.poll(top).toBeLessThan(PHONE.height / 2);
    await page.close();
  });

  it('says clearly when nothing matches', async () => {
    const page = await search(root, 'zqxjv');
    expect(await page.locator('#yd-search-status').innerText()).toBe('没有找到与“zqxjv”相关的文章');
    expect(await page.locator('.yd-search-results li').count()).toBe(0);
    await page.close();
  });

  it('says so when articles share only some characters with the query, instead of passing them off as hits', async () => {
    const page = await search(root, '量子引力');
    expect(await page.locator('#yd-search-status').innerText()).toMatch(/^没有文章完整包含“量子引力”；以下 \d+ 篇包含其中部分字词$/);
    await page.close();
  });

  it('works under a sub-path: index loaded from /news/pagefind/ and result links inside /news/', async () => {
    const page = await search(news, '淘天');
    const links = await sectionLinks(page);
    expect(links.length).toBe(2);
    for (const { href } of links) expect(href).toMatch(new RegExp(`^/news/articles/${ARTICLE_ID}/#`));
    await page.close();
  });
});
