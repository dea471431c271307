import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { readText } from '../support/dist.ts';
import { HANT_ID } from '../support/picture-site.ts';

const dist = inject('distPictures');
const page = async (file: string) => parse(await readText(dist, file));
const MAIN = `articles/${HANT_ID}/index.html`;
const TWIN = `articles/${HANT_ID}/zh-hans/index.html`;

describe('an article written in traditional characters (lang: zh-Hant)', () => {
  it('is shown as written on its own page, in zh-Hant', async () => {
    const doc = await page(MAIN);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('zh-Hant');
    expect(doc.querySelector('h1')?.textContent).toBe('臺北捷運的一個早晨');
    expect(doc.querySelector('.yd-prose p')?.textContent).toContain('捷運車廂裡已經坐滿了通勤的乘客');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('以繁體字寫成的測試文章：網站照原樣顯示，另建簡體版本。');
    // Its interface speaks traditional too.
    expect(doc.querySelector('.yd-toc-title')?.textContent).toBe('目錄');
  });

  it('has a simplified twin at /zh-hans/ with the same section anchors, and no /zh-hant/ copy of itself', async () => {
    const main = await page(MAIN);
    const twin = await page(TWIN);
    expect(twin.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(twin.querySelector('h1')?.textContent).toBe('台北捷运的一个早晨');
    expect(twin.querySelector('.yd-prose p')?.textContent).toContain('捷运车厢里已经坐满了通勤的乘客');
    const ids = (doc: typeof main) => doc.querySelectorAll('.yd-prose h2').map((h) => h.id);
    expect(ids(twin)).toEqual(ids(main));
    expect(ids(main)).toEqual(['車廂裡的風景', '到站以後']);
    expect(existsSync(path.join(dist, `articles/${HANT_ID}/zh-hant`))).toBe(false);
  });

  it('links each script to the other, for readers and search engines', async () => {
    const main = await page(MAIN);
    const twin = await page(TWIN);
    expect(main.querySelector('a.yd-script-switch')?.attributes).toMatchObject({ href: `/news/articles/${HANT_ID}/zh-hans/`, hreflang: 'zh-CN' });
    expect(twin.querySelector('a.yd-script-switch')?.attributes).toMatchObject({ href: `/news/articles/${HANT_ID}/`, hreflang: 'zh-Hant' });
    expect(main.querySelector('link[hreflang="zh-CN"]')?.getAttribute('href')).toBe(`https://example.com/news/articles/${HANT_ID}/zh-hans/`);
  });

  it('is listed under its own title, marked as traditional text', async () => {
    const home = await page('index.html');
    const link = home.querySelectorAll('.yd-lead h3 a, .yd-front-latest > .yd-article-list h3 a').find((a) => a.getAttribute('href') === `/news/articles/${HANT_ID}/`);
    expect(link?.textContent).toBe('臺北捷運的一個早晨');
    expect(link?.getAttribute('lang')).toBe('zh-Hant');
  });

  it('is indexed in both scripts: its own page under zh-hant, its twin under zh-cn', async () => {
    const entry = JSON.parse(await readText(dist, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    // The seed, the picture article and this one, once per script.
    expect(entry.languages['zh-cn']?.page_count).toBe(3);
    expect(entry.languages['zh-hant']?.page_count).toBe(3);
  });
});
