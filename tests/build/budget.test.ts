import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { ARTICLE_PAGE } from '../support/dist.ts';
import { firstView } from '../support/first-view.ts';
import { PICTURE_HANT_PAGE, PICTURE_PAGE } from '../support/picture-site.ts';

const dist = inject('distRoot');
const KB = 1024;

// Every block of text an article can hold; a list item that wraps paragraphs counts through them.
const TEXT_BLOCKS = '.yd-prose :is(p, h2, h3, h4, th, td, figcaption, pre, li)';

/** The smallest valid HTML page that holds the article's text: the floor no design can go under. */
async function floorBytes(page: string, dir = dist): Promise<number> {
  const doc = parse(await readFile(path.join(dir, page), 'utf8'));
  const title = doc.querySelector('h1')?.textContent ?? '';
  const blocks = doc
    .querySelectorAll(TEXT_BLOCKS)
    .filter((el) => el.tagName !== 'LI' || !el.querySelector('p'))
    .map((el) => `<${el.tagName.toLowerCase()}>${el.textContent}`);
  const minimal = `<!doctype html><html lang=zh-CN><meta charset=utf-8><title>${title}</title><h1>${title}</h1>${blocks.join('')}`;
  return brotliCompressSync(minimal).length;
}

describe.each([
  ['simplified', ARTICLE_PAGE],
  ['traditional', ARTICLE_PAGE.replace('index.html', 'zh-hant/index.html')],
])('%s article page, first view (brotli)', (_, page) => {
  it('weighs at most the bare text page + 8 KB: HTML, CSS and the JS it loads before any interaction', async () => {
    const view = await firstView(dist, page);
    const floor = await floorBytes(page);
    expect(floor).toBeGreaterThan(3 * KB);
    expect(view.html + view.css + view.js).toBeLessThanOrEqual(floor + 8 * KB);
  });

  it('runs at most 2 KB of JavaScript before the reader asks for search', async () => {
    const view = await firstView(dist, page);
    expect(view.js).toBeLessThanOrEqual(2 * KB);
    expect(view.files.filter((f) => /search-panel|live-search|pagefind/.test(f))).toEqual([]);
  });

  it('holds up the first paint with nothing but itself: the stylesheet, at most 3 KB, travels inside the HTML', async () => {
    const view = await firstView(dist, page);
    expect(view.blocking).toEqual([]);
    // Its scripts arrive at low priority, each whole: no import chained behind them while the page paints.
    expect(view.files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    expect(view.chained).toEqual([]);
    expect(view.css).toBe(0);
    expect(view.inlineCss).toBeGreaterThan(1 * KB);
    expect(view.inlineCss).toBeLessThanOrEqual(3 * KB);
  });
});

describe.each([
  ['simplified', PICTURE_PAGE],
  ['traditional', PICTURE_HANT_PAGE],
])('%s article with a cover, pictures, tables and notes, first view (brotli)', (_, page) => {
  const pictures = inject('distPictures');

  it('weighs at most the bare text page + 8 KB before its pictures: HTML, CSS and JS', async () => {
    const view = await firstView(pictures, page, '/news/');
    expect(view.html + view.css + view.js).toBeLessThanOrEqual((await floorBytes(page, pictures)) + 8 * KB);
  });

  it('runs at most 2 KB of JavaScript and blocks the first paint on nothing but itself', async () => {
    const view = await firstView(pictures, page, '/news/');
    expect(view.js).toBeLessThanOrEqual(2 * KB);
    expect(view.blocking).toEqual([]);
    expect(view.chained).toEqual([]);
  });
});

describe('the front page of a newsroom, first view (brotli)', () => {
  const series = inject('distSeries');

  it('weighs at most its bare text + 8 KB before its pictures: HTML (its stylesheet inside) and JS, nothing blocking', async () => {
    const doc = parse(await readFile(path.join(series, 'index.html'), 'utf8'));
    // The floor: the page's words alone, every headline, meta line and teaser, in the smallest valid page.
    const words = doc.querySelectorAll('main :is(h1, h2, h3, h4, p)').map((el) => `<${el.tagName.toLowerCase()}>${el.textContent.trim()}`);
    const floor = brotliCompressSync(`<!doctype html><html lang=zh-CN><meta charset=utf-8><title>阅读</title>${words.join('')}`).length;
    const view = await firstView(series, 'index.html', '/news/');
    expect(view.blocking).toEqual([]);
    expect(view.html + view.css + view.js).toBeLessThanOrEqual(floor + 8 * KB);
  });
});
