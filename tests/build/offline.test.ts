import { stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { ARTICLE_PAGE, listFiles, readText } from '../support/dist.ts';
import { firstView } from '../support/first-view.ts';

const KB = 1024;

/** The precache manifest workbox-build injected into sw.js. */
async function precached(dist: string): Promise<string[]> {
  const sw = await readText(dist, 'sw.js');
  const manifest = /\[\{"revision":.*?\}\]/.exec(sw)?.[0];
  if (!manifest) throw new Error('no precache manifest in sw.js');
  return (JSON.parse(manifest) as { url: string }[]).map((entry) => entry.url);
}

describe.each([
  ['distRoot', '/', 'offline/index.html', 'search/index.html'],
  ['distNews', '/news/', 'offline/index.html', 'search/index.html'],
  ['distFile', '/', 'offline.html', 'search.html'],
] as const)('the service worker of %s', (key, base, offline, search) => {
  const dist = inject(key);
  const article = key === 'distFile' ? ARTICLE_PAGE.replace('/index.html', '.html') : ARTICLE_PAGE;

  it('precaches the shell: the stylesheet, every script an article loads, the home, search and offline pages', async () => {
    const urls = await precached(dist);
    const view = await firstView(dist, article, base);
    const shell = view.files.map((file) => path.relative(dist, file));
    expect(shell.some((file) => file.endsWith('.css'))).toBe(true);
    expect(urls).toEqual(expect.arrayContaining([...shell, 'index.html', offline, search, 'manifest.webmanifest']));
    // Every script the site has, so search and sharing work offline too.
    const scripts = (await listFiles(path.join(dist, '_astro'))).filter((f) => f.endsWith('.js')).map((f) => `_astro/${f}`);
    expect(urls).toEqual(expect.arrayContaining(scripts));
    // Articles, pictures and the search index are kept as they are read, never all at once.
    expect(urls.filter((url) => url.startsWith('articles/') || url.startsWith('pagefind/') || /\.(?:avif|webp|jpe?g|gif)$/.test(url))).toEqual([]);
  });

  it('installs within budget: the worker under 10 KB and the shell under 80 KB, brotli', async () => {
    const worker = brotliCompressSync(await readText(dist, 'sw.js')).length;
    let shell = 0;
    for (const url of await precached(dist)) shell += (await stat(path.join(dist, url))).size;
    console.log(`${key}: sw.js ${worker} B brotli; precache ${shell} B raw`);
    expect(worker).toBeLessThan(10 * KB);
    // Raw bytes: the cache stores files as they are, whatever the transfer encoding.
    expect(shell).toBeLessThan(80 * KB);
  });

  it('has an offline page in both scripts that stays out of search engines, the sitemap and the search index', async () => {
    const doc = parse(await readText(dist, offline));
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    expect(doc.querySelector('h1')?.textContent).toBe('这一页还没有保存到本机');
    expect(doc.querySelector('p[lang="zh-Hant"]')?.textContent).toContain('現在沒有網路連線');
    expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
    expect(doc.querySelector('script[type="module"][src]')).not.toBeNull();
  });
});
