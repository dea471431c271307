import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateAttributes } from '../../src/lib/search/index-attributes.ts';
import { currentArticles } from '../../src/lib/search/index-pages.ts';

/** A built article page as the build writes it: links outside the indexed body, the article inside it, its date given to Pagefind. */
const page = ({ lang, date, text, newer = '' }: { lang: string; date?: string; text: string; newer?: string }) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${text}</title></head><body>` +
  `<nav>较新一篇：<a href="/articles/${newer}/">${newer}</a></nav>` +
  `<article class="yd-article" data-pagefind-body${Object.entries(dateAttributes(date)).map(([name, value]) => ` ${name}="${value}"`).join('')}>` +
  `<header><h1>${text}</h1>${date ? `<time datetime="${date}">${date}</time>` : ''}</header>` +
  `<p>${text}的正文。</p></article><footer>阅读</footer></body></html>`;

let site: string;
async function write(file: string, html: string): Promise<void> {
  await mkdir(path.dirname(path.join(site, file)), { recursive: true });
  await writeFile(path.join(site, file), html);
}
const hashOf = async (file: string) => (await currentArticles(site)).flatMap((article) => Object.entries(article.pages)).find(([f]) => f === file)?.[1].hash;

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'yuedu-index-pages-'));
});
afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

describe('the article pages the search index is built from', () => {
  it('groups an article with its twin in the other script, each in its own index, ordered by its date', async () => {
    await write('articles/a-1/index.html', page({ lang: 'zh-CN', date: '2024-03-01T08:00:00.000Z', text: '碳中和' }));
    await write('articles/a-1/zh-hant/index.html', page({ lang: 'zh-Hant', date: '2024-03-01T08:00:00.000Z', text: '碳中和（繁）' }));
    await write('articles/b-2/index.html', page({ lang: 'zh-CN', text: '没有日期的稿件' }));
    await write('articles/c-3/index.html', page({ lang: 'en', date: '2024-01-01', text: 'not indexed' }));
    const articles = await currentArticles(site);
    expect(articles.map(({ id, order, pages }) => ({ id, order, langs: Object.values(pages).map((p) => p.lang) }))).toEqual([
      { id: 'a-1', order: '2024-03-01T08:00:00.000Z', langs: ['zh-cn', 'zh-hant'] },
      { id: 'b-2', order: '', langs: ['zh-cn'] },
    ]);
  });

  it('keeps a page’s hash when only its links outside the article change, and changes it with the article’s text', async () => {
    const file = 'articles/a-1/index.html';
    await write(file, page({ lang: 'zh-CN', date: '2024-03-01', text: '碳中和', newer: 'x-1' }));
    const first = await hashOf(file);
    await write(file, page({ lang: 'zh-CN', date: '2024-03-01', text: '碳中和', newer: 'y-2' }));
    expect(await hashOf(file)).toBe(first);
    await write(file, page({ lang: 'zh-CN', date: '2024-03-01', text: '碳达峰', newer: 'y-2' }));
    expect(await hashOf(file)).not.toBe(first);
    await write(file, page({ lang: 'zh-Hant', date: '2024-03-01', text: '碳中和', newer: 'x-1' }));
    expect(await hashOf(file)).not.toBe(first);
  });
});
