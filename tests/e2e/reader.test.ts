import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { useSite } from '../support/e2e.ts';

const site = useSite();

const article = () => `${site.server.url}articles/${ARTICLE_ID}/`;
const currentToc = (page: Page) => page.locator('.yd-toc a[aria-current="true"]').allInnerTexts();

/** Records the <html> theme/size attributes when <body> is first parsed: before anything can paint. */
async function contextRecordingFirstPaint(viewport = DESKTOP): Promise<BrowserContext> {
  const context = await site.browser.newContext({ viewport, colorScheme: 'light' });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      const { ydTheme, ydSize } = document.documentElement.dataset;
      Object.assign(window, { ydAtBody: { theme: ydTheme ?? '', size: ydSize ?? '' } });
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  return context;
}
const atBody = (page: Page) => page.evaluate(() => (window as unknown as { ydAtBody: { theme: string; size: string } }).ydAtBody);

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('table of contents on %s', (_, viewport) => {
  it('marks the section being read as the reader scrolls', async () => {
    const page = await site.browser.newPage({ viewport });
    await page.goto(article());
    expect(await currentToc(page)).toEqual(['导语']);
    await page.evaluate(() => document.getElementById('无法脱离于阿里巴巴的阿里云')?.scrollIntoView({ behavior: 'instant' }));
    await expect.poll(() => currentToc(page)).toEqual(['无法脱离于阿里巴巴的阿里云']);
    await page.evaluate(() => document.getElementById('昂贵的ai')?.scrollIntoView({ behavior: 'instant' }));
    await expect.poll(() => currentToc(page)).toEqual(['昂贵的AI']);
    await page.close();
  });
});

describe('layout', () => {
  it('on a wide screen the TOC stays beside the text while reading', async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(article());
    await page.evaluate(() => window.scrollTo({ top: 3000, behavior: 'instant' }));
    const toc = await page.locator('.yd-toc').boundingBox();
    const prose = await page.locator('.yd-prose').boundingBox();
    expect(toc?.y).toBeGreaterThanOrEqual(0);
    expect(toc?.y).toBeLessThan(100);
    expect(toc && prose && toc.x > prose.x + prose.width).toBe(true);
    expect(await page.isVisible('.yd-to-toc')).toBe(false);
    await page.close();
  });

  it('on a phone the TOC sits above the text, folds away, and a 目录 control stays at hand', async () => {
    const page = await site.browser.newPage({ viewport: PHONE });
    await page.goto(article());
    const toc = await page.locator('.yd-toc').boundingBox();
    const prose = await page.locator('.yd-prose').boundingBox();
    expect(toc && prose && toc.y + toc.height <= prose.y).toBe(true);
    await page.click('.yd-toc summary');
    expect(await page.isVisible('.yd-toc ol')).toBe(false);
    await page.click('.yd-toc summary');
    await page.evaluate(() => window.scrollTo({ top: 4000, behavior: 'instant' }));
    expect(await page.isVisible('.yd-to-toc')).toBe(true);
    await page.click('.yd-to-toc');
    await expect.poll(async () => (await page.locator('.yd-toc').boundingBox())?.y ?? -1).toBeLessThan(PHONE.height / 2);
    await page.close();
  });

  it('shows reading progress with no script, from scroll position alone', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(article());
    const progress = () => page.locator('.yd-progress').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(await progress()).toBeLessThan(0.05);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    await expect.poll(progress).toBeGreaterThan(0.3);
    await context.close();
  });
});

describe('reader preferences', () => {
  it('dark theme and large text survive a reload and are applied before the first paint', async () => {
    const context = await contextRecordingFirstPaint();
    const page = await context.newPage();
    await page.goto(article());
    await page.selectOption('select[data-yd-pref="theme"]', 'dark');
    await page.selectOption('select[data-yd-pref="size"]', 'l');
    await page.reload();
    expect(await atBody(page)).toEqual({ theme: 'dark', size: 'l' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    expect(await page.locator('select[data-yd-pref="theme"]').inputValue()).toBe('dark');
    // Other pages too, including ones without the controls.
    await page.goto(site.server.url);
    expect(await atBody(page)).toEqual({ theme: 'dark', size: 'l' });
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('20px');
    await context.close();
  });

  it('following the system is the default, and choosing it again forgets the override', async () => {
    const context = await contextRecordingFirstPaint();
    const page = await context.newPage();
    await page.goto(article());
    expect(await atBody(page)).toEqual({ theme: '', size: '' });
    await page.selectOption('select[data-yd-pref="theme"]', 'dark');
    await page.selectOption('select[data-yd-pref="theme"]', '');
    await page.reload();
    expect(await atBody(page)).toEqual({ theme: '', size: '' });
    await context.close();
  });

  it('choosing 繁體 is remembered: other article links open in traditional characters until 简体 is chosen', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(article());
    await page.click('a.yd-script-switch');
    await page.waitForURL(/zh-hant\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await page.goto(`${article()}#${encodeURIComponent('昂贵的ai')}`);
    await page.waitForURL(/zh-hant\/#/);
    expect(await page.locator('h1').innerText()).toBe('阿里雲還是阿里巴巴的那朵雲');
    await page.click('a.yd-script-switch');
    await page.waitForURL(new RegExp(`/articles/${ARTICLE_ID}/$`));
    await page.goto(article());
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await context.close();
  });
});

describe('print', () => {
  it('prints the article without navigation or controls, with link targets shown', async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(article());
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.yd-site-header', '.yd-toc', '.yd-controls', '.yd-article-end', '.yd-site-footer', '.yd-to-toc']) {
      expect(await page.isVisible(selector), selector).toBe(false);
    }
    expect(await page.isVisible('.yd-prose')).toBe(true);
    const after = await page.locator('.yd-kicker a').evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/sections/us-stocks/');
    await page.close();
  });
});
