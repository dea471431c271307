import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { CHEN, LEVEE, LIN, TYPHOON } from '../support/series-site.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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

async function open(path: string, options: { js?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? PHONE, javaScriptEnabled: options.js ?? true, serviceWorkers: 'block' });
  await page.goto(server.url + path);
  return page;
}

const PART = `articles/${TYPHOON.parts[1]}/`;

describe('series with JavaScript off', () => {
  it('a part shows its series line, the next part and every part, and related reading', async () => {
    const page = await open(PART, { js: false });
    expect(await page.locator('.yd-series-line').innerText()).toBe('专题：台风过后 · 第 2 篇，共 3 篇');
    expect(await page.locator('.yd-series-next a').innerText()).toBe('重建从清淤开始');
    expect(await page.locator('.yd-series-parts li').allInnerTexts()).toEqual(['台风登陆的那一夜', '临时安置点里的第三天（本篇）', '重建从清淤开始']);
    expect(await page.locator('.yd-related a').first().innerText()).toBe('海堤修补工程赶在汛期前完工');
    // Following the next-part link reads on with nothing else needed.
    await page.locator('.yd-series-next a').click();
    expect(new URL(page.url()).pathname).toBe(`/news/articles/${TYPHOON.parts[2]}/`);
    expect(await page.locator('h1').innerText()).toBe('重建从清淤开始');
    await page.close();
  });

  it('the series page, the list of series and the archive read fully', async () => {
    const page = await open(`series/${TYPHOON.slug}/`, { js: false });
    expect(await page.locator('.yd-series-list h3').allInnerTexts()).toEqual(['第 1 篇 台风登陆的那一夜', '第 2 篇 临时安置点里的第三天', '第 3 篇 重建从清淤开始']);
    await page.goto(`${server.url}series/`);
    expect(await page.locator('.yd-series-index h2').allInnerTexts()).toEqual(['台风过后', '芯片这一年']);
    await page.goto(`${server.url}archive/`);
    await page.locator('.yd-archive-years a', { hasText: '2024 年' }).click();
    expect(await page.locator('.yd-archive-month h2').first().innerText()).toBe('10 月');
    await page.close();
  });
});

describe('search', () => {
  it('finds a series page as its own kind, and says which series an article result belongs to', async () => {
    const page = await open(`search/?q=${encodeURIComponent('台风过后')}`);
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    const results = await page.locator('.yd-result-title').evaluateAll((items) =>
      items.map((h) => ({
        title: h.querySelector('a')?.textContent,
        section: h.querySelector('.yd-result-section')?.textContent,
        series: h.querySelector('.yd-result-series')?.textContent ?? null,
      })),
    );
    expect(results).toContainEqual({ title: '台风过后', section: '专题', series: null });
    expect(results).toContainEqual({ title: '临时安置点里的第三天', section: '社会', series: '专题：台风过后' });
    // The 专题 filter keeps only series pages.
    await page.selectOption('#yd-search-section', '专题');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('section') === 'series');
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await page.locator('.yd-result-title a').allInnerTexts()).toEqual(['台风过后']);
    await page.close();
  });
});

describe('authors with JavaScript off', () => {
  it('a byline leads to the author page, which lists the articles and leads back', async () => {
    const page = await open(`articles/${TYPHOON.parts[0]}/`, { js: false });
    expect(await page.locator('.yd-byline').innerText()).toBe('记者 林晓雨 · 摄影 陈默');
    await page.locator('.yd-byline a', { hasText: '林晓雨' }).click();
    expect(new URL(page.url()).pathname).toBe(`/news/authors/${LIN.slug}/`);
    expect(await page.locator('h1').innerText()).toBe('林晓雨');
    expect(await page.locator('.yd-author-photo img').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await page.locator('.yd-author-articles h3 a').last().click();
    expect(new URL(page.url()).pathname).toBe(`/news/articles/${TYPHOON.parts[0]}/`);
    await page.close();
  });
});

describe('an article with an editor\'s note and corrections on a desktop', () => {
  it('keeps the note and the 更正 box in the text column, the TOC beside them', async () => {
    const page = await open(`articles/${LEVEE}/`, { viewport: DESKTOP });
    const box = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [prose, note, corrections, toc] = await Promise.all([box('.yd-prose'), box('.yd-editor-note'), box('#yd-corrections'), box('.yd-toc')]);
    for (const block of [note, corrections]) {
      expect(block.left).toBe(prose.left);
      expect(block.right).toBeLessThanOrEqual(toc.left);
    }
    expect(corrections.top).toBeGreaterThan(prose.bottom - 1);
    await page.close();
  });
});

describe('axe-core on the new pages', () => {
  for (const path of [
    `series/${TYPHOON.slug}/`,
    `series/${TYPHOON.slug}/zh-hant/`,
    'series/',
    PART,
    'archive/',
    'archive/2024/',
    '',
    `authors/${LIN.slug}/`,
    `authors/${CHEN.slug}/zh-hant/`,
    'authors/',
    `articles/${TYPHOON.parts[0]}/`,
  ]) {
    it(`/news/${path} has no violations`, async () => {
      const context = await browser.newContext({ viewport: path.includes('zh-hant') ? PHONE : DESKTOP, bypassCSP: true, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(server.url + path);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});

describe('looks', () => {
  it('a part\'s end on a phone keeps the series and related blocks inside the screen, one column', async () => {
    const page = await open(`${PART}#yd-series-end-title`);
    const boxes = await page.locator('.yd-series-end, .yd-related').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
    }
    expect(boxes[1]?.top ?? 0).toBeGreaterThan(boxes[0]?.bottom ?? Infinity);
    // Set YUEDU_SHOTS=<folder> to look at them.
    if (SHOTS) {
      for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        for (const [what, path] of [['series', `series/${TYPHOON.slug}/`], ['part-end', `${PART}#yd-series-end-title`], ['related', `articles/${LEVEE}/#yd-related-title`], ['author', `authors/${LIN.slug}/`], ['byline', `articles/${TYPHOON.parts[0]}/`], ['corrected', `articles/${LEVEE}/`], ['corrections-end', `articles/${LEVEE}/#yd-corrections`]] as const) {
          const shot = await open(path, { viewport });
          if (path.includes('#')) await shot.locator(path.slice(path.indexOf('#'))).scrollIntoViewIfNeeded();
          await shot.screenshot({ path: `${SHOTS}/${what}-${name}.png`, fullPage: what === 'series' });
          await shot.close();
        }
      }
    }
    await page.close();
  });
});
