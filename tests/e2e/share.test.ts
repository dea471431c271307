import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { useSite } from '../support/e2e.ts';

const site = useSite();
const SENTENCE = '但提供云计算服务的厂商仍然会是这轮AI热潮的最大受益者。';

/** Selects `text` inside the first element matching `selector` that holds it, as a reader's drag would. */
async function select(page: Page, selector: string, text: string, endText?: string): Promise<void> {
  await page.evaluate(
    ([selector, text, endText]) => {
      const nodes = (root: Element) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const found: Text[] = [];
        while (walker.nextNode()) found.push(walker.currentNode as Text);
        return found;
      };
      const all = [...document.querySelectorAll(selector)].flatMap(nodes);
      const start = all.find((node) => node.data.includes(text));
      if (!start) throw new Error(`no text ${text}`);
      const end = endText ? all.find((node) => node.data.includes(endText)) : start;
      if (!end) throw new Error(`no text ${endText}`);
      const range = document.createRange();
      range.setStart(start, start.data.indexOf(text));
      range.setEnd(end, endText ? end.data.indexOf(endText) + endText.length : start.data.indexOf(text) + text.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    },
    [selector, text, endText ?? ''] as const,
  );
}

async function articlePage(viewport = PHONE, path = `articles/${ARTICLE_ID}/`) {
  const context = await site.browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  await page.goto(site.server.url + path);
  return { context, page, problems };
}

describe('share a sentence', () => {
  it('copies a link that opens the article at that sentence, in view', async () => {
    const { context, page, problems } = await articlePage();
    await select(page, '.yd-prose p', SENTENCE);
    const bar = page.locator('.yd-share');
    await bar.waitFor({ state: 'visible' });
    // Right after the paragraph it quotes: Tab reaches it next.
    expect(await bar.evaluate((el) => el.previousElementSibling?.textContent)).toContain(SENTENCE);
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.locator('.yd-share [role="status"]').textContent()).toBe('已复制这句的链接');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${site.server.url}articles/${ARTICLE_ID}/#yd-title:~:text=${encodeURIComponent(SENTENCE).replace(/-/g, '%2D')}`);
    expect(problems).toEqual([]);

    const reader = await context.newPage();
    await reader.goto(link);
    const paragraph = reader.locator('.yd-prose p', { hasText: SENTENCE });
    await expect
      .poll(() => paragraph.evaluate((p) => p.getBoundingClientRect().top >= 0 && p.getBoundingClientRect().top < innerHeight), { timeout: 5000 })
      .toBe(true);
    await context.close();
  });

  it('names the section a sentence is in, and links a selection across two paragraphs from its start', async () => {
    const { context, page } = await articlePage(DESKTOP);
    await select(page, '.yd-prose p', '但成本仍然是一个大问题', '现实情况是');
    await page.locator('.yd-share').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.locator('.yd-share [role="status"]').textContent()).toBe('已复制这句的链接');
    const link = decodeURIComponent(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link).toMatch(/#昂贵的ai:~:text=但成本仍然是一个大问题/);
    expect(link).not.toContain('现实情况是');
    await context.close();
  });

  it('shows nothing for a selection outside the article, and speaks traditional Chinese on zh-Hant pages', async () => {
    const { context, page } = await articlePage(PHONE, `articles/${ARTICLE_ID}/zh-hant/`);
    await select(page, '.yd-site-footer', '中文長篇新聞');
    await page.waitForTimeout(300);
    expect(await page.locator('.yd-share:visible').count()).toBe(0);
    await select(page, '.yd-prose p', '雲棲大會');
    await page.getByRole('button', { name: '複製連結' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.yd-share:visible').count()).toBe(0);
    await context.close();
  });
});
