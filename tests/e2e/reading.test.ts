import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { useSite } from '../support/e2e.ts';

const site = useSite();

const articleUrl = () => `${site.server.url}articles/${ARTICLE_ID}/`;

describe('reading the article', () => {
  it('on a phone, the TOC link to 昂贵的AI scrolls that heading into view', async () => {
    const page = await site.browser.newPage({ viewport: PHONE });
    await page.goto(articleUrl());
    const heading = page.locator('h2#昂贵的ai');
    const viewportTop = async () => (await heading.boundingBox())?.y ?? Number.NaN;
    expect(await viewportTop()).toBeGreaterThan(PHONE.height);
    await page.locator('.yd-toc a', { hasText: '昂贵的AI' }).click();
    await page.waitForFunction(() => location.hash === `#${encodeURIComponent('昂贵的ai')}`);
    await expect.poll(viewportTop).toBeGreaterThanOrEqual(0);
    await expect.poll(viewportTop).toBeLessThan(PHONE.height / 2);
    await page.close();
  });

  it('with JavaScript off, the whole article text and its TOC are there', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(articleUrl());
    const text = await page.locator('.yd-prose').innerText();
    expect(text).toContain('每年秋天，阿里巴巴会召开其一年里技术上最重要的盛会');
    expect(text).toContain('最终如何评价，或许还得靠未来的阿里巴巴才能给出答案。');
    expect(await page.locator('.yd-prose p').count()).toBeGreaterThan(25);
    expect(await page.locator('.yd-toc a').allInnerTexts()).toEqual(['导语', '昂贵的AI', '无法脱离于阿里巴巴的阿里云']);
    await context.close();
  });

  it('with JavaScript off, the header search form takes a query to the search page, which says it needs JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(articleUrl());
    await page.fill('#yd-header-q', '淘天');
    await page.press('#yd-header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('淘天');
    expect(await page.locator('main').innerText()).toContain('搜索需要启用 JavaScript');
    await context.close();
  });
});
