import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { useSite } from '../support/e2e.ts';

const site = useSite();

const panelDone = (page: Page) =>
  page.waitForSelector('#yd-search-panel:not([hidden]) .yd-search-results[aria-busy="false"]', { state: 'attached' });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.id);

async function articleWithMarker(): Promise<Page> {
  const page = await site.browser.newPage({ viewport: DESKTOP });
  await page.goto(`${site.server.url}articles/${ARTICLE_ID}/`);
  // Survives only if no full page load happens.
  await page.evaluate(() => Object.assign(window, { ydMarker: 'same page' }));
  return page;
}

describe('header search on any page', () => {
  it('opens results in a panel without reloading the page, and puts ?q= in the address bar', async () => {
    const page = await articleWithMarker();
    await page.click('#yd-header-q');
    await page.keyboard.type('云栖大会');
    await panelDone(page);
    expect(await page.evaluate(() => (window as unknown as { ydMarker?: string }).ydMarker)).toBe('same page');
    expect(await page.locator('#yd-search-panel [role="status"]').innerText()).toBe('找到 1 篇包含“云栖大会”的文章');
    expect(await page.locator('#yd-search-panel .yd-hit-section').allInnerTexts()).toEqual(['导语', '无法脱离于阿里巴巴的阿里云']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('云栖大会');
    expect(await page.getAttribute('#yd-header-q', 'aria-expanded')).toBe('true');
    await page.close();
  });

  it('on a zh-Hant page the panel speaks traditional Chinese and searches the traditional text', async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${site.server.url}articles/${ARTICLE_ID}/zh-hant/`);
    await page.click('#yd-header-q');
    await page.keyboard.type('雲棲大會');
    await panelDone(page);
    const status = page.locator('#yd-search-panel [role="status"]');
    expect(await status.innerText()).toBe('找到 1 篇包含“雲棲大會”的文章');
    expect(await status.getAttribute('lang')).toBe('zh-Hant');
    expect(await page.locator('#yd-search-panel .yd-hit-section').allInnerTexts()).toEqual(['導語', '無法脫離於阿里巴巴的阿里雲']);
    expect(await page.locator('#yd-search-panel .yd-hit-count').first().innerText()).toBe('3 處');
    expect(await page.locator('#yd-search-panel .yd-search-close').innerText()).toBe('關閉');
    expect(await page.locator('#yd-search-panel .yd-search-section option').first().innerText()).toBe('全部欄目');
    // The section label and every other word shown come without the index's invisible word marks.
    expect(await page.locator('#yd-search-panel .yd-result-section').first().innerText()).toBe('美股新聞');
    const shown = await page.locator('#yd-search-panel').evaluate((panel) => panel.textContent ?? '');
    expect(shown).not.toMatch(/[\u00ad\u200b-\u200d\u2060\ufeff]/u);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('量子引力');
    await expect.poll(() => status.innerText()).toMatch(/^沒有(文章完整包含“量子引力”；以下 \d+ 篇包含其中部分字詞|找到與“量子引力”相關的文章)$/);
    await page.close();
  });

  it('"/" focuses the search box; arrows walk the results; Esc closes and gives focus back', async () => {
    const page = await articleWithMarker();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('yd-header-q');
    await page.keyboard.type('淘天');
    await panelDone(page);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('阿里云还是阿里巴巴的那朵云');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/^昂贵的AI\d+ 处$/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('yd-header-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#yd-search-panel')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('yd-header-q');
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    await page.close();
  });

  it('Enter on a result opens it at the section with the phrase marked', async () => {
    const page = await articleWithMarker();
    await page.keyboard.press('/');
    await page.keyboard.type('拼多多');
    await panelDone(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/highlight=/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#无法脱离于阿里巴巴的阿里云');
    await expect.poll(() => page.locator('.yd-prose mark').allInnerTexts()).toEqual(['拼多多']);
    await page.close();
  });

  it('a shared ?q= link opens with the results, and Back returns to them after following one', async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${site.server.url}?q=${encodeURIComponent('孙正义')}`);
    await panelDone(page);
    expect(await page.inputValue('#yd-header-q')).toBe('孙正义');
    await page.locator('#yd-search-panel .yd-hit-link').first().click();
    await page.waitForURL(/\/articles\//);
    await page.goBack();
    await panelDone(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('孙正义');
    expect(await page.locator('#yd-search-panel .yd-hit-section').allInnerTexts()).toEqual(['昂贵的AI']);
    await page.close();
  });

  it('Back after a search closes the panel, Forward opens it again', async () => {
    const page = await articleWithMarker();
    await page.click('#yd-header-q');
    await page.keyboard.type('Azure');
    await panelDone(page);
    await page.goBack();
    await expect.poll(() => page.isHidden('#yd-search-panel')).toBe(true);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    await page.goForward();
    await panelDone(page);
    expect(await page.locator('#yd-search-panel .yd-hit-section').allInnerTexts()).toEqual(['昂贵的AI']);
    expect(await page.evaluate(() => (window as unknown as { ydMarker?: string }).ydMarker)).toBe('same page');
    await page.close();
  });

  it('loads no search code until the reader shows intent', async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || request.url().includes('pagefind')) scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.server.url}articles/${ARTICLE_ID}/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => /pagefind|search-panel|live-search/.test(s))).toEqual([]);
    const pagefindLoaded = page.waitForRequest(/\/pagefind\/pagefind\.js$/);
    await page.focus('#yd-header-q');
    await pagefindLoaded;
    expect(scripts.some((s) => s.includes('search-panel'))).toBe(true);
    await page.close();
  });
});
