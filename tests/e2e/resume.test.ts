import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { useSite } from '../support/e2e.ts';

const site = useSite();
const article = () => `${site.server.url}articles/${ARTICLE_ID}/`;
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('yd-reading'));

/** A phone page that records console errors; `init` runs before the site's scripts. */
async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { page, problems };
}

/** Scrolls as a reader would until the paragraph holding `text` is mid-screen. */
async function readTo(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const p = [...document.querySelectorAll('.yd-prose p')].find((el) => el.textContent?.includes(text));
    p?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }, text);
}

describe('继续阅读', () => {
  it('remembers the section reached, lists the article on the home page, and offers a link back without jumping', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const { page, problems } = await open(context, article());
    await readTo(page, '但成本仍然是一个大问题');
    await expect.poll(() => stored(page), { timeout: 5000 }).toContain('昂贵的AI');

    await page.goto(site.server.url);
    const box = page.locator('.yd-continue');
    await box.waitFor();
    expect(await box.locator('h2').innerText()).toBe('继续阅读');
    expect(await box.locator('li a').innerText()).toBe('阿里云还是阿里巴巴的那朵云');
    expect(await box.locator('li span').innerText()).toMatch(/^昂贵的AI · 已读 \d+%$/);
    expect(await box.locator('li a').getAttribute('href')).toBe(`/articles/${ARTICLE_ID}/#${encodeURIComponent('昂贵的ai')}`);

    await page.goto(article());
    const resume = page.locator('.yd-resume');
    await resume.waitFor();
    expect(await resume.innerText()).toMatch(/^继续阅读：昂贵的AI（已读 \d+%）$/);
    // Offered, never forced: the page opens at its top.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await resume.click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe('#昂贵的ai');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('forgets an article once its end is reached, and the home page control clears the rest', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const { page } = await open(context, article());
    await readTo(page, '但成本仍然是一个大问题');
    await expect.poll(() => stored(page), { timeout: 5000 }).toContain('昂贵的AI');
    await page.evaluate(() => document.querySelector('.yd-article-end')?.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await expect.poll(() => stored(page), { timeout: 5000 }).toBe('{}');

    await page.evaluate(() => localStorage.setItem('yd-reading', JSON.stringify({ '/articles/x': { title: '旧文章', url: '/articles/x/', section: '', percent: 40, at: 1 } })));
    await page.goto(site.server.url);
    await page.getByRole('button', { name: '清除阅读记录' }).click();
    expect(await page.locator('.yd-continue').count()).toBe(0);
    expect(await stored(page)).toBeNull();
    await context.close();
  });

  it('ignores a corrupted record and replaces it', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('yd-reading', '{not json');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const { page, problems } = await open(context, article());
    await readTo(page, '但成本仍然是一个大问题');
    await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}') as Record<string, unknown>, { timeout: 5000 }).toHaveProperty(`/articles/${ARTICLE_ID}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with storage denied, reading and sharing still work and nothing throws', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const { page, problems } = await open(context, article());
    await readTo(page, '但成本仍然是一个大问题');
    await page.waitForTimeout(800);
    expect(await page.locator('.yd-resume').count()).toBe(0);
    await page.goto(site.server.url);
    expect(await page.locator('.yd-article-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('.yd-continue').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
