import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { useSite } from '../support/e2e.ts';
import { PICTURE_ID } from '../support/picture-site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['', `articles/${ARTICLE_ID}/`, `articles/${ARTICLE_ID}/zh-hant/`, 'sections/us-stocks/', `search/?q=${encodeURIComponent('云栖大会')}`];
// The picture build (under /news/): figures, tables, quotes, notes, tags and thumbnails.
const PICTURE_PAGES = [`articles/${PICTURE_ID}/`, `articles/${PICTURE_ID}/zh-hant/`, `tags/${encodeURIComponent('云计算')}/`];

const site = useSite();
let pictures: StaticServer | undefined;
beforeAll(async () => {
  pictures = await serveStatic(inject('distPictures'), '/news/');
});
afterAll(() => pictures?.close());

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (colorScheme) => {
  for (const [path, picture] of [...PAGES.map((p) => [p, false] as const), ...PICTURE_PAGES.map((p) => [p, true] as const)]) {
    it(`/${picture ? 'news/' : ''}${decodeURIComponent(path)} has no violations`, async () => {
      // bypassCSP only lets axe itself be injected; the policy is tested in security.test.ts.
      const context = await site.browser.newContext({ viewport: path.includes('zh-hant') ? PHONE : DESKTOP, colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto((picture ? (pictures?.url ?? '') : site.server.url) + path);
      if (path.startsWith('search')) await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
        const { violations } = await axe.run();
        return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});

describe('keyboard', () => {
  it('the first Tab reaches a visible skip link that jumps to the article', async () => {
    const page = await site.browser.newPage({ viewport: PHONE });
    await page.goto(`${site.server.url}articles/${ARTICLE_ID}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    expect(await page.isVisible('.yd-skip-link')).toBe(true);
    const box = await page.locator('.yd-skip-link').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.close();
  });
});
