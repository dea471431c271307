import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTICLE_PAGE, listFiles, readText, SEED } from '../support/dist.ts';

const dist = inject('distRoot');
const distNews = inject('distNews');

let article: HTMLElement;
let seed: string;
beforeAll(async () => {
  article = parse(await readText(dist, ARTICLE_PAGE));
  seed = await readFile(SEED, 'utf8');
});

// Sentences of the scraped body: between the view counters and the login prompt.
function seedSentences(raw: string): string[] {
  const body = raw.slice(raw.indexOf('1105 0 0') + '1105 0 0'.length, raw.indexOf('您需要登录后才可以回帖'));
  return body.split(/[。！？?!\n]/u).map(letters).filter((s) => s.length > 0);
}
// Compare letters and digits only: the importer widens punctuation, which is not wording.
const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

describe('article page', () => {
  it('shows every sentence of the source, in source order', () => {
    const text = letters(article.querySelector('.yd-prose')?.textContent ?? '');
    let from = 0;
    const sentences = seedSentences(seed);
    expect(sentences.length).toBeGreaterThan(60);
    for (const sentence of sentences) {
      const at = text.indexOf(sentence, from);
      expect(at, `missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(0);
      from = at + sentence.length;
    }
  });

  it('has the title as its only h1, in a zh-CN page', () => {
    expect(article.querySelectorAll('h1').map((h) => h.textContent)).toEqual(['阿里云还是阿里巴巴的那朵云']);
    expect(article.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('states the section, the length in characters and a reading time', () => {
    const meta = article.querySelector('.yd-article-header')?.textContent ?? '';
    expect(meta).toContain('美股新闻');
    expect(meta).toMatch(/\d{1,3}(,\d{3})* 字/);
    expect(meta).toMatch(/阅读约 \d+ 分钟/);
  });

  it('TOC lists the opening part and both sections, each linking to an id on the page', () => {
    const links = article.querySelectorAll('.yd-toc a');
    expect(links.map((a) => a.textContent)).toEqual(['导语', '昂贵的AI', '无法脱离于阿里巴巴的阿里云']);
    for (const link of links) {
      const id = (link.getAttribute('href') ?? '').slice(1);
      expect(article.getElementById(id), `#${id}`).not.toBeNull();
    }
  });

  it('gives each section heading a self-link to its own id', () => {
    for (const h2 of article.querySelectorAll('.yd-prose h2')) {
      const permalink = h2.parentNode?.querySelector('.yd-permalink');
      expect(permalink?.getAttribute('href')).toBe(`#${h2.id}`);
    }
  });

  it('indexes only the article: navigation, TOC and footer are outside data-pagefind-body or ignored', () => {
    const body = article.querySelectorAll('[data-pagefind-body]');
    expect(body).toHaveLength(1);
    expect(body[0]?.tagName).toBe('ARTICLE');
    expect(article.querySelector('.yd-toc')?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(body[0]?.querySelector('.yd-site-header, .yd-site-footer')).toBeNull();
  });

  it('offers a way back to the article list and to the top', () => {
    const end = article.querySelectorAll('.yd-article-end a').map((a) => a.getAttribute('href'));
    expect(end).toEqual(['#top', '/']);
    expect(article.getElementById('top')).not.toBeNull();
  });
});

describe('the scrape junk', () => {
  const JUNK = ['첫 페이지', '본문', '123457886', '1105 0 0', '您需要登录后才可以回帖', '本版积分规则', '新手上路', 'Sign Up', 'Following'];
  it('appears nowhere in dist/', async () => {
    const files = (await listFiles(dist)).filter((f) => /\.(html|xml|json|txt|js)$/.test(f));
    for (const file of files) {
      const text = await readText(dist, file);
      for (const junk of JUNK) expect(text.includes(junk), `${junk} in ${file}`).toBe(false);
    }
  });
});

describe('listings', () => {
  it('home page lists the article with its section and first lines', async () => {
    const home = parse(await readText(dist, 'index.html'));
    // Undated, it never leads the front: it is the first of the latest.
    expect(home.querySelector('.yd-lead')).toBeNull();
    const item = home.querySelector('.yd-front-latest > .yd-article-list li');
    expect(item?.querySelector('h3 a')?.textContent).toBe('阿里云还是阿里巴巴的那朵云');
    expect(item?.querySelector('h3 a')?.getAttribute('href')).toBe('/articles/ali-yun-haishi-alibaba-de-na-duo-yun/');
    // Undated: no date; its section, and how long it takes to read.
    expect(item?.querySelector('.yd-meta time')).toBeNull();
    expect(item?.querySelector('.yd-meta a')?.textContent).toBe('美股新闻');
    expect(item?.querySelector('.yd-meta')?.textContent).toMatch(/阅读约 \d+ 分钟$/);
    expect(item?.querySelector('.yd-teaser')?.textContent).toMatch(/^每年秋天，阿里巴巴会召开/);
  });

  it('the 美股新闻 section page lists the article and is marked current in the navigation', async () => {
    const page = parse(await readText(dist, 'sections/us-stocks/index.html'));
    expect(page.querySelector('h1')?.textContent).toBe('美股新闻');
    expect(page.querySelectorAll('.yd-article-list h2 a').map((a) => a.textContent)).toEqual(['阿里云还是阿里巴巴的那朵云']);
    expect(page.querySelector('.yd-sections a[aria-current="page"]')?.textContent).toBe('美股新闻');
  });

  it('every page has a search form that submits to the search page', async () => {
    for (const file of ['index.html', ARTICLE_PAGE, 'sections/us-stocks/index.html', 'search/index.html']) {
      const page = parse(await readText(dist, file));
      const form = page.querySelector('form[role="search"]');
      expect(form?.getAttribute('action'), file).toBe('/search/');
      expect(form?.querySelector('input[name="q"]'), file).not.toBeNull();
      expect(page.querySelector('html')?.getAttribute('lang'), file).toBe('zh-CN');
    }
  });

  it('search page tells readers without JavaScript that search needs it', async () => {
    const page = await readText(dist, 'search/index.html');
    expect(page).toMatch(/<noscript>[^]*搜索需要启用 JavaScript[^]*href="\/"[^]*<\/noscript>/);
  });
});

describe('Pagefind index', () => {
  it('is built into dist/pagefind with a simplified (zh-cn) and a traditional (zh-hant) index, one article each', async () => {
    const entry = JSON.parse(await readText(dist, 'pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['zh-cn', 'zh-hant']);
    expect(entry.languages['zh-cn']?.page_count).toBe(1);
    expect(entry.languages['zh-hant']?.page_count).toBe(1);
    expect(existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
  });
});

describe('sub-path build (BASE_PATH=/news/)', () => {
  it('keeps every internal link, asset and form inside /news/', async () => {
    const pages = (await listFiles(distNews)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const file of pages) {
      const page = parse(await readText(distNews, file));
      const refs = [
        ...page.querySelectorAll('[href]').map((e) => e.getAttribute('href') ?? ''),
        ...page.querySelectorAll('[src]').map((e) => e.getAttribute('src') ?? ''),
        ...page.querySelectorAll('form[action]').map((e) => e.getAttribute('action') ?? ''),
      ];
      for (const ref of refs.filter((r) => r.startsWith('/'))) {
        expect(ref.startsWith('/news/'), `${ref} in ${file}`).toBe(true);
      }
    }
  });

  it('loads Pagefind from /news/pagefind/ and asks it for /news/ result URLs', async () => {
    const files = await listFiles(distNews);
    const scripts = await Promise.all(
      files.filter((f) => f.endsWith('.js') || f.endsWith('.html')).map((f) => readText(distNews, f)),
    );
    const searchCode = scripts.find((s) => s.includes('pagefind/pagefind.js')) ?? '';
    expect(searchCode).toContain('/news/');
  });
});
