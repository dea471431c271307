import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, readText } from '../support/dist.ts';
import { SITE_URL } from '../support/global-setup.ts';
import { PICTURE_HANT_PAGE, PICTURE_ID, PICTURE_PAGE } from '../support/picture-site.ts';

const dist = inject('distPictures');

const BASE = '/news/';
const page = async (file: string) => parse(await readText(dist, file));
/** The file a /news/… URL in the page points to. */
const fileOf = (url: string) => path.join(dist, url.replace(/ \d+w$/, '').slice(BASE.length));
const srcsetUrls = (value: string | undefined) => (value ?? '').split(', ').filter(Boolean).map((candidate) => candidate.split(' ')[0] ?? '');
const figures = (doc: HTMLElement) => doc.querySelectorAll('.yd-prose figure.yd-figure');

describe('a picture in an article', () => {
  it('is a figure with AVIF and WebP sources at several widths, a sized lazy fallback and its caption', async () => {
    const doc = await page(PICTURE_PAGE);
    const hall = figures(doc)[0];
    const sources = hall?.querySelectorAll('picture > source') ?? [];
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    for (const source of sources) {
      expect(srcsetUrls(source.getAttribute('srcset')).length).toBeGreaterThanOrEqual(4);
      expect(source.getAttribute('srcset')).toMatch(/ 360w, .* 720w, /);
      expect(source.getAttribute('sizes')).toBe('(min-width: 40rem) 38rem, calc(100vw - 2rem)');
    }
    const img = hall?.querySelector('picture > img');
    expect(img?.getAttribute('src')).toMatch(/^\/news\/_astro\/yunqi-hall\.[\w-]+\.jpeg$/);
    expect(img?.attributes).toMatchObject({ alt: '会场外排队的人群与展台', width: '1200', height: '800', loading: 'lazy', decoding: 'async' });
    expect(hall?.querySelector('figcaption')?.textContent).toBe('云栖会场外的展台，上午九点');
  });

  it('takes every source format: PNG, GIF (kept animated), WebP, AVIF and SVG (as a file, never inlined)', async () => {
    const doc = await page(PICTURE_PAGE);
    const fallback = (alt: string) => doc.querySelector(`.yd-prose img[alt="${alt}"]`);
    expect(fallback('营收增长柱状图')?.getAttribute('src')).toMatch(/revenue-chart\.[\w-]+\.png$/);
    expect(fallback('加载动画')?.getAttribute('src')).toMatch(/loading\.[\w-]+\.gif$/);
    expect(fallback('清晨的数据中心外景')?.getAttribute('src')).toMatch(/data-center\.[\w-]+\.webp$/);
    expect(fallback('霓虹闪烁的高架桥')?.getAttribute('src')).toMatch(/night-city\.[\w-]+\.webp$/);
    const svg = fallback('云架构示意图');
    expect(svg?.getAttribute('src')).toMatch(/cloud-diagram\.[\w-]+\.svg$/);
    expect(svg?.parentNode?.querySelectorAll('source')).toHaveLength(0);
    expect(doc.querySelectorAll('.yd-prose svg')).toHaveLength(0);
  });

  it('points only at files the build wrote, inside the site base', async () => {
    const doc = await page(PICTURE_PAGE);
    const urls = [
      ...doc.querySelectorAll('img').map((img) => img.getAttribute('src') ?? ''),
      ...doc.querySelectorAll('img, source').flatMap((el) => srcsetUrls(el.getAttribute('srcset'))),
    ];
    expect(urls.length).toBeGreaterThan(40);
    for (const url of urls) {
      expect(url.startsWith(`${BASE}_astro/`), url).toBe(true);
      expect(existsSync(fileOf(url)), url).toBe(true);
    }
  });

  it('never encodes a picture wider than its source, and offers each width once', async () => {
    const doc = await page(PICTURE_PAGE);
    const gif = doc.querySelector('.yd-prose img[alt="加载动画"]')?.parentNode ?? undefined;
    expect(gif?.querySelector('source')?.getAttribute('srcset')).toMatch(/^\/news\/_astro\/loading\.[\w-]+\.webp 160w$/);
    const chart = doc.querySelector('.yd-prose img[alt="营收增长柱状图"]')?.parentNode?.querySelector('source');
    expect(srcsetUrls(chart?.getAttribute('srcset')).length).toBe(3);
    expect(chart?.getAttribute('srcset')).toMatch(/ 640w$/);
  });
});

describe('the cover', () => {
  it('is shown under the title, loaded at once and first, out of the search index', async () => {
    const doc = await page(PICTURE_PAGE);
    const cover = doc.querySelector('.yd-article-header + figure.yd-cover');
    expect(cover?.getAttribute('data-pagefind-ignore')).toBe('all');
    const img = cover?.querySelector('picture > img');
    expect(img?.attributes).toMatchObject({ alt: '山丘上方的晴空与太阳', width: '1600', height: '900', loading: 'eager', fetchpriority: 'high' });
    expect(cover?.querySelectorAll('source').map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
  });

  it('is the link preview picture, the NewsArticle image and the feed enclosure, as absolute URLs', async () => {
    const doc = await page(PICTURE_PAGE);
    const ogImage = doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    expect(ogImage).toMatch(new RegExp(`^${SITE_URL}/news/_astro/cover\\.[\\w-]+\\.jpeg$`));
    expect(existsSync(fileOf(new URL(ogImage).pathname))).toBe(true);
    // X takes og:image for the large card (twitter:card below); its alt text it is given.
    expect(doc.querySelector('meta[name="twitter:image:alt"]')?.getAttribute('content')).toBe('山丘上方的晴空与太阳');
    expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
    expect(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBe('山丘上方的晴空与太阳');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
    expect(ld['image']).toBe(ogImage);
    const rss = await readText(dist, 'rss.xml');
    const { size } = await stat(fileOf(new URL(ogImage).pathname));
    expect(size).toBeGreaterThan(10_000);
    expect(rss).toContain(`<enclosure url="${ogImage}" length="${size}" type="image/jpeg"/>`);
  });

  it('is in the full-text feed as one plain, sized <img> of a file the page uses, at an absolute URL, with its caption', async () => {
    const item = parseFeed(await readText(dist, 'rss.xml')).items.find((i) => i.url === `${SITE_URL}${BASE}articles/${PICTURE_ID}/`);
    const content = parse(item?.content ?? '');
    const onPage = figures(await page(PICTURE_PAGE)).map((f) => f.querySelector('picture > img'));
    const inFeed = content.querySelectorAll('figure > img');
    expect(inFeed.length).toBe(onPage.length);
    expect(content.querySelectorAll('picture, source, img[srcset], img[loading]')).toEqual([]);
    inFeed.forEach((img, i) => {
      const src = img.getAttribute('src') ?? '';
      expect(src).toBe(`${SITE_URL}${onPage[i]?.getAttribute('src')}`);
      expect(existsSync(fileOf(new URL(src).pathname))).toBe(true);
      expect([img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual(
        ['alt', 'width', 'height'].map((name) => onPage[i]?.getAttribute(name)),
      );
    });
    expect(content.querySelectorAll('figcaption').map((c) => c.textContent)).toEqual(figures(await page(PICTURE_PAGE)).map((f) => f.querySelector('figcaption')?.textContent));
  });

  it('is a small cropped thumbnail beside the article in the section and tag listings and the front page’s section block', async () => {
    for (const listing of ['index.html', 'sections/tech/index.html', 'tags/云计算/index.html']) {
      const doc = await page(listing);
      const item = doc.querySelectorAll('.yd-article-list article').find((a) => a.querySelector('h2, h4')?.textContent === '一座数据中心的一天');
      const thumb = item?.querySelector('a.yd-thumb');
      expect(thumb?.getAttribute('href'), listing).toBe('/news/articles/data-center-day/');
      expect(thumb?.attributes, listing).toMatchObject({ tabindex: '-1', 'aria-hidden': 'true' });
      const img = thumb?.querySelector('img');
      expect(img?.attributes, listing).toMatchObject({ width: '120', height: '80', loading: 'lazy', alt: '' });
      expect(img?.getAttribute('srcset'), listing).toMatch(/ 1x, .* 2x$/);
      expect(item?.querySelector('.yd-teaser')?.textContent, listing).toBe('用图片、表格、引语和脚注讲述一座数据中心的日常，用来检验阅读的图文排版。');
    }
    // The seed article has no cover: no empty thumbnail box. The front page leads with this one, its cover large.
    const home = await page('index.html');
    expect(home.querySelectorAll('.yd-thumb')).toHaveLength(1);
    expect(home.querySelector('.yd-lead h3')?.textContent).toBe('一座数据中心的一天');
    expect(home.querySelector('.yd-lead-cover img')?.attributes).toMatchObject({ alt: '山丘上方的晴空与太阳', loading: 'eager', fetchpriority: 'high' });
  });
});

describe('Markdown beyond paragraphs, under the strict CSP', () => {
  it('has no inline style anywhere on the page', async () => {
    for (const file of [PICTURE_PAGE, PICTURE_HANT_PAGE]) {
      const html = await readText(dist, file);
      expect(html, file).not.toMatch(/\sstyle=/);
    }
  });

  it('aligns table columns with classes and boxes each table so it scrolls on its own', async () => {
    const doc = await page(PICTURE_PAGE);
    const boxes = doc.querySelectorAll('.yd-prose .yd-table');
    expect(boxes).toHaveLength(2);
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(['表格 1', '表格 2']);
    expect(boxes[0]?.attributes).toMatchObject({ tabindex: '0', role: 'region' });
    expect(boxes[0]?.querySelectorAll('td.yd-align-right').map((td) => td.textContent)).toEqual(['61.5', '1.21', '1,024', '3,000,000']);
    expect(boxes[0]?.querySelector('th.yd-align-center')?.textContent).toBe('单位');
  });

  it('renders the quote, both lists, inline code, the code block and the rule', async () => {
    const doc = await page(PICTURE_PAGE);
    expect(doc.querySelector('.yd-prose blockquote p')?.textContent).toBe('云计算的尽头是电力，电力的尽头是冷却。');
    expect(doc.querySelectorAll('.yd-prose ol > li').map((li) => li.textContent)).toContain('机柜密度');
    expect(doc.querySelectorAll('.yd-prose ul > li').map((li) => li.textContent)).toEqual(['备用电源', '网络链路', '门禁记录']);
    expect(doc.querySelector('.yd-prose li code')?.textContent).toBe('liquid-cooling');
    expect(doc.querySelector('.yd-prose pre')?.innerHTML).toMatch(/^<code>\$ uptime\n.*up 400 days/s);
    expect(doc.querySelectorAll('.yd-prose hr')).toHaveLength(1);
  });

  it('lists the footnotes at the end, each linking back to its reference', async () => {
    const doc = await page(PICTURE_PAGE);
    const refs = doc.querySelectorAll('.yd-prose sup.yd-fnref a');
    expect(refs.map((a) => [a.getAttribute('href'), a.id])).toEqual([
      ['#yd-fn-1', 'yd-fnref-1'],
      ['#yd-fn-2', 'yd-fnref-2'],
    ]);
    const notes = doc.querySelectorAll('.yd-prose section.yd-notes li');
    expect(notes.map((li) => li.id)).toEqual(['yd-fn-1', 'yd-fn-2']);
    expect(notes[1]?.querySelector('a.yd-fnback')?.getAttribute('href')).toBe('#yd-fnref-2');
    const ids = doc.querySelectorAll('[id]').map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks links that leave the site and opens them normally', async () => {
    const doc = await page(PICTURE_PAGE);
    const external = doc.querySelector('.yd-prose a[href="https://news.example.org/2024/background"]');
    expect(external?.attributes).toMatchObject({ rel: 'noopener', class: 'yd-external' });
    expect(external?.getAttribute('target')).toBeUndefined();
    // "/" in the Markdown means this site: under /news/ it becomes the base, unmarked.
    const home = doc.querySelector('.yd-prose a[href="/news/"]');
    expect(home?.textContent).toBe('本站首页');
    expect(home?.getAttribute('class')).toBeUndefined();
  });
});

describe('the metadata news carries', () => {
  it('shows author, dates, the publisher linked to the original and the tags', async () => {
    const doc = await page(PICTURE_PAGE);
    const header = doc.querySelector('.yd-article-header');
    expect(header?.querySelectorAll('time').map((t) => t.getAttribute('datetime'))).toEqual(['2024-05-20', '2024-05-22']);
    expect(header?.querySelector('.yd-meta')?.textContent).toContain('更新于 2024-05-22');
    const source = header?.querySelector('.yd-source');
    expect(source?.textContent).toBe('原文：示例新闻网');
    expect(source?.querySelector('a')?.attributes).toMatchObject({ href: 'https://news.example.org/2024/data-center-day', rel: 'noopener' });
    expect(header?.querySelectorAll('.yd-tags a').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['云计算', '/news/tags/云计算/'],
      ['数据中心', '/news/tags/数据中心/'],
    ]);
  });

  it('describes itself with dateModified, keywords and the source it is based on', async () => {
    const doc = await page(PICTURE_PAGE);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
    expect(ld).toMatchObject({
      datePublished: '2024-05-20',
      dateModified: '2024-05-22',
      keywords: '云计算,数据中心',
      isBasedOn: 'https://news.example.org/2024/data-center-day',
      description: '用图片、表格、引语和脚注讲述一座数据中心的日常，用来检验阅读的图文排版。',
    });
  });

  it('gives every tag a listing page at its own name, in the sitemap', async () => {
    const tagPage = await page('tags/数据中心/index.html');
    expect(tagPage.querySelector('h1')?.textContent).toBe('标签：数据中心');
    expect(tagPage.querySelectorAll('.yd-article-list h2 a').map((a) => a.getAttribute('href'))).toEqual(['/news/articles/data-center-day/']);
    const sitemap = await readText(dist, 'sitemap-0.xml');
    expect(sitemap).toContain(`${SITE_URL}/news/tags/${encodeURIComponent('数据中心')}/`);
    expect(sitemap).toContain(`${SITE_URL}/news/tags/${encodeURIComponent('云计算')}/`);
  });
});

describe('the traditional page', () => {
  it('converts captions, alt text and the cover text, and keeps the footnote ids', async () => {
    const doc = await page(PICTURE_HANT_PAGE);
    expect(figures(doc).map((f) => f.querySelector('figcaption')?.textContent)).toContain('五個季度的雲業務營收（示意）');
    expect(doc.querySelector('.yd-prose img[alt="雲架構示意圖"]')).not.toBeNull();
    expect(doc.querySelector('.yd-cover img')?.getAttribute('alt')).toBe('山丘上方的晴空與太陽');
    expect(doc.querySelector('.yd-notes-title')?.textContent).toBe('註釋');
    expect(doc.querySelectorAll('.yd-notes li').map((li) => li.id)).toEqual(['yd-fn-1', 'yd-fn-2']);
    expect(doc.querySelectorAll('.yd-tags a').map((a) => a.textContent)).toEqual(['雲計算', '數據中心']);
  });

  it('shows the same encoded pictures as the simplified page', async () => {
    const srcs = async (file: string) => (await page(file)).querySelectorAll('.yd-prose img').map((img) => img.getAttribute('src'));
    expect(await srcs(PICTURE_HANT_PAGE)).toEqual(await srcs(PICTURE_PAGE));
  });
});

describe('search over pictures', () => {
  it('indexes captions and alt text, and no picture markup', async () => {
    const html = await readText(dist, PICTURE_PAGE);
    const doc = parse(html);
    // Pagefind reads alt text where the <img> asks it to; captions are text in the body.
    expect(doc.querySelectorAll('.yd-prose img').every((img) => img.getAttribute('data-pagefind-index-attrs') === 'alt')).toBe(true);
    expect(doc.querySelector('[data-pagefind-body] figcaption')).not.toBeNull();
    const indexFiles = (await listFiles(path.join(dist, 'pagefind'))).filter((f) => f.includes('fragment'));
    expect(indexFiles.length).toBeGreaterThan(0);
  });
});
