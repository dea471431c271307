import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

interface Expected {
  query: string;
  expect: { section: string | null; occurrences: number }[];
}
const { queries } = JSON.parse(readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8')) as {
  queries: Expected[];
};
const SIMPLIFIED: Record<string, string> = { 阿里雲: '阿里云' };

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

const anchorOf = (section: string | null) => `#${encodeURIComponent(section === null ? 'yd-title' : section.toLowerCase())}`;

async function searchPage(server: StaticServer, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
  return page;
}

const hits = (page: Page) =>
  page.locator('#yd-search-results .yd-hits > li').evaluateAll((items) =>
    items.map((li) => ({
      section: li.querySelector('.yd-hit-section')?.textContent,
      count: li.querySelector('.yd-hit-count')?.textContent,
      href: li.querySelector('a')?.getAttribute('href'),
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );

describe('every query in the shared list', () => {
  for (const { query, expect: expected } of queries) {
    it(`${query}: lists exactly the sections holding it, with counts, anchors and the phrase marked whole`, async () => {
      const page = await searchPage(root, query);
      expect(await page.locator('.yd-result-title a').allInnerTexts()).toEqual(['阿里云还是阿里巴巴的那朵云']);
      const found = await hits(page);
      expect(found.map((h) => [h.section, h.count])).toEqual(
        expected.map((e) => [e.section ?? '导语', `${e.occurrences} 处`]),
      );
      const phrase = SIMPLIFIED[query] ?? query;
      found.forEach((hit, i) => {
        const url = new URL(hit.href ?? '', root.url);
        expect(url.pathname).toBe(`/articles/${ARTICLE_ID}/`);
        expect(url.hash).toBe(anchorOf(expected[i]?.section ?? null));
        expect(hit.marks.length).toBeGreaterThan(0);
        for (const mark of hit.marks) expect(mark?.toLowerCase()).toBe(phrase.toLowerCase());
      });
      await page.close();
    });
  }
});

describe('search page', () => {
  it('marks each word of a query with several words', async () => {
    const page = await searchPage(root, '吴泳铭 演讲');
    const marks = (await hits(page)).flatMap((h) => h.marks);
    expect(new Set(marks)).toEqual(new Set(['吴泳铭', '演讲']));
    await page.close();
  });

  it('finds Latin in any case, and words the text holds side by side as one phrase: counted once, marked as one run', async () => {
    const page = await searchPage(root, 'github copilot');
    expect(await hits(page)).toEqual([expect.objectContaining({ section: '昂贵的AI', count: '1 处', marks: ['GitHub Copilot'] })]);
    await page.close();
  });

  it('marks each word on its own where the text does not hold them side by side', async () => {
    const page = await searchPage(root, 'Copilot 淘天');
    const marks = (await hits(page)).flatMap((h) => h.marks);
    expect(marks).toEqual(expect.arrayContaining(['Copilot', '淘天']));
    expect(marks).not.toContain('Copilot 淘天');
    await page.close();
  });

  it('shows no zero-width or other invisible character anywhere in the results', async () => {
    const page = await searchPage(root, '阿里云');
    const text = await page.locator('#yd-search-results').evaluate((list) => list.textContent ?? '');
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toMatch(/[\u00ad\u200b-\u200d\u2060\ufeff]/u);
    await page.close();
  });

  it('finds numbers with their decimal point, as one phrase', async () => {
    const page = await searchPage(root, '453.71亿元');
    expect(await hits(page)).toEqual([expect.objectContaining({ section: '昂贵的AI', count: '1 处', marks: ['453.71亿元'] })]);
    await page.close();
  });

  it('says clearly when nothing matches', async () => {
    const page = await searchPage(root, 'zqxjv');
    expect(await page.locator('#yd-search-status').innerText()).toBe('没有找到与“zqxjv”相关的文章');
    expect(await page.locator('#yd-search-results li').count()).toBe(0);
    await page.close();
  });

  it('says so when articles share only some characters with the query, instead of passing them off as hits', async () => {
    const page = await searchPage(root, '量子引力');
    expect(await page.locator('#yd-search-status').innerText()).toMatch(/^没有文章完整包含“量子引力”；以下 \d+ 篇包含其中部分字词$/);
    await page.close();
  });

  it('announces the outcome in a live region', async () => {
    const page = await searchPage(root, '淘天');
    expect(await page.locator('#yd-search-status').getAttribute('role')).toBe('status');
    expect(await page.locator('#yd-search-status').innerText()).toBe('找到 1 篇包含“淘天”的文章');
    await page.close();
  });

  it('searches as the reader types and keeps ?q= in the address bar', async () => {
    const page = await searchPage(root, '');
    await page.fill('#yd-search-q', '孙正义');
    await page.waitForFunction(() => document.querySelector('#yd-search-status')?.textContent?.includes('孙正义'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('孙正义');
    expect((await hits(page)).map((h) => h.section)).toEqual(['昂贵的AI']);
    // The same search again (Enter) keeps the address as it is, without rewriting the history entry.
    await page.evaluate(() => {
      const w = window as unknown as { replaced: number };
      w.replaced = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args) => (w.replaced++, replace(...args));
    });
    await page.press('#yd-search-q', 'Enter');
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await page.evaluate(() => (window as unknown as { replaced: number }).replaced)).toBe(0);
    await page.fill('#yd-search-q', '淘天');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '淘天');
    expect(await page.evaluate(() => (window as unknown as { replaced: number }).replaced)).toBe(1);
    await page.close();
  });

  it('works under a sub-path: index loaded from /news/pagefind/ and result links inside /news/', async () => {
    const page = await searchPage(news, '淘天');
    const found = await hits(page);
    expect(found).toHaveLength(2);
    for (const { href } of found) expect(href).toMatch(new RegExp(`^/news/articles/${ARTICLE_ID}/\\?highlight=`));
    await page.close();
  });
});

describe('highlight on arrival', () => {
  it('following a result opens the article at that section with the phrase marked in the text', async () => {
    const page = await searchPage(root, '淘天');
    await page.locator('.yd-hit-link', { hasText: '无法脱离于阿里巴巴的阿里云' }).click();
    await page.waitForURL(/\/articles\//);
    const top = async () => (await page.locator('h2#无法脱离于阿里巴巴的阿里云').boundingBox())?.y ?? Number.NaN;
    await expect.poll(top).toBeGreaterThanOrEqual(0);
    await expect.poll(top).toBeLessThan(PHONE.height / 2);
    await expect.poll(() => page.locator('.yd-prose mark').count()).toBe(12);
    const marks = await page.locator('.yd-prose mark').allInnerTexts();
    expect(new Set(marks)).toEqual(new Set(['淘天']));
    expect(await page.locator('.yd-toc mark').count()).toBe(0);
    await page.close();
  });

  it('without JavaScript the same link still lands on the section', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${root.url}articles/${ARTICLE_ID}/?highlight=${encodeURIComponent('淘天')}${anchorOf('昂贵的AI')}`);
    const top = async () => (await page.locator('h2#昂贵的ai').boundingBox())?.y ?? Number.NaN;
    await expect.poll(top).toBeGreaterThanOrEqual(0);
    await expect.poll(top).toBeLessThan(PHONE.height / 2);
    await context.close();
  });
});

describe('hostile and odd input', () => {
  const HOSTILE = ['', '   ', '，。！？……', '"', 'x'.repeat(10_000), '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>'];
  for (const query of HOSTILE) {
    it(`?q=${JSON.stringify(query.slice(0, 30))}${query.length > 30 ? '…' : ''}: no error, no script, page intact`, async () => {
      const page = await browser.newPage({ viewport: PHONE });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`${root.url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' }).catch(() => undefined);
      // Type it too: the box must take it the same way as the address bar.
      await page.fill('#yd-search-q', query);
      await page.press('#yd-search-q', 'Enter');
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
      expect(await page.locator('#yd-search-results img, #yd-search-results script').count()).toBe(0);
      const status = await page.locator('#yd-search-status').innerText();
      expect(status).toMatch(/^(输入字词，在全部文章中搜索。|没有找到与“.*”相关的文章|没有文章完整包含“.*”；以下 \d+ 篇包含其中部分字词)$/s);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    });
  }
});

describe('privacy', () => {
  it('a search makes no request to any other host', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(`${root.url}search/?q=${encodeURIComponent('阿里雲')}`);
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    await page.locator('.yd-hit-link').first().click();
    await page.waitForURL(/\/articles\//);
    expect([...hosts]).toEqual([new URL(root.url).host]);
    await page.close();
  });
});
