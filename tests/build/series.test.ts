import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../support/dist.ts';
import { SITE_URL } from '../support/global-setup.ts';
import { CHIPS, LEVEE, PHONES, SEED, TYPHOON } from '../support/series-site.ts';

const dist = inject('distSeries');
const BASE = '/news/';
const page = async (file: string) => parse(await readFile(path.join(dist, file), 'utf8'));
const articlePage = (id: string, hant = false) => page(`articles/${id}/${hant ? 'zh-hant/' : ''}index.html`);
const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const hrefs = (doc: HTMLElement, selector: string) => doc.querySelectorAll(selector).map((a) => a.getAttribute('href') ?? '');
const jsonLd = (doc: HTMLElement) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
const url = (id: string) => `${BASE}articles/${id}/`;
const ALL = [...TYPHOON.parts, ...CHIPS.parts, LEVEE, PHONES, 'night-market', SEED];

describe('a series page', () => {
  it('lists every part in order with its number, title, date and teaser: by part number, or by date when unnumbered', async () => {
    for (const series of [TYPHOON, CHIPS]) {
      const doc = await page(`series/${series.slug}/index.html`);
      expect(text(doc.querySelector('h1'))).toBe(series.title);
      const items = doc.querySelectorAll('.yd-series-list .yd-article-list > li');
      expect(hrefs(doc, '.yd-series-list h3 a')).toEqual(series.parts.map(url));
      expect(items.map((li) => text(li.querySelector('.yd-part-number')))).toEqual(series.parts.map((_, i) => `第 ${i + 1} 篇`));
      for (const li of items) {
        expect(li.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(text(li.querySelector('.yd-teaser')).length).toBeGreaterThan(20);
      }
    }
    const chips = await page(`series/${CHIPS.slug}/index.html`);
    // Unnumbered parts: oldest first, whatever their file names say.
    const dates = chips.querySelectorAll('.yd-series-list time').map((t) => t.getAttribute('datetime'));
    expect(dates).toEqual([...dates].sort());
  });

  it('shows its introduction, description, cover and feed', async () => {
    const doc = await page(`series/${CHIPS.slug}/index.html`);
    expect(text(doc.querySelector('.yd-series-description'))).toBe('从出口管制到新晶圆厂投产，一年里芯片产业链上的人和订单。');
    expect(text(doc.querySelector('.yd-series-intro'))).toContain('这个专题跟踪了订单、工厂和工程师三条线索');
    const cover = doc.querySelector('.yd-cover img');
    expect(cover?.getAttribute('alt')).toBe('晨光中的丘陵和天空');
    expect(cover?.getAttribute('loading')).toBe('eager');
    expect(doc.querySelector('link[rel="alternate"][type="application/rss+xml"][href$="/series/chip-year/rss.xml"]')).not.toBeNull();
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('从出口管制到新晶圆厂投产，一年里芯片产业链上的人和订单。');
  });

  it('is a CreativeWorkSeries in JSON-LD, its parts in order with their position', async () => {
    const data = jsonLd(await page(`series/${TYPHOON.slug}/index.html`));
    expect(data['@type']).toBe('CreativeWorkSeries');
    expect(data['name']).toBe(TYPHOON.title);
    expect(data['url']).toBe(`${SITE_URL}${BASE}series/${TYPHOON.slug}/`);
    const parts = data['hasPart'] as { '@type': string; position: number; url: string }[];
    expect(parts.map((p) => [p['@type'], p.position, p.url])).toEqual(TYPHOON.parts.map((id, i) => ['NewsArticle', i + 1, `${SITE_URL}${url(id)}`]));
  });

  it('has a zh-Hant twin in traditional characters that links to the parts\' zh-Hant pages', async () => {
    const doc = await page(`series/${TYPHOON.slug}/zh-hant/index.html`);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('zh-Hant');
    expect(text(doc.querySelector('h1'))).toBe('颱風過後');
    expect(hrefs(doc, '.yd-series-list h3 a')).toEqual(TYPHOON.parts.map((id) => `${url(id)}zh-hant/`));
    expect(doc.querySelector('link[rel="alternate"][hreflang="zh-CN"]')?.getAttribute('href')).toBe(`${SITE_URL}${BASE}series/${TYPHOON.slug}/`);
  });

  it('is listed on /series/, newest activity first, and in the sitemap and its own feed', async () => {
    const index = await page('series/index.html');
    expect(hrefs(index, '.yd-series-index h2 a')).toEqual([`${BASE}series/${TYPHOON.slug}/`, `${BASE}series/${CHIPS.slug}/`]);
    const sitemap = (await Promise.all((await listFiles(dist)).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFile(path.join(dist, f), 'utf8')))).join('');
    for (const loc of ['series/', `series/${TYPHOON.slug}/`, `series/${TYPHOON.slug}/zh-hant/`, 'archive/', 'archive/2024/']) {
      expect(sitemap).toContain(`<loc>${SITE_URL}${BASE}${loc}</loc>`);
    }
    const feed = parse(await readFile(path.join(dist, `series/${TYPHOON.slug}/rss.xml`), 'utf8'));
    expect(text(feed.querySelector('channel > title'))).toContain(TYPHOON.title);
    // Newest first, as feed readers show them: the next part is what a subscriber waits for.
    expect(feed.querySelectorAll('item > title').map(text)).toEqual(['重建从清淤开始', '临时安置点里的第三天', '台风登陆的那一夜']);
  });
});

describe('a part of a series', () => {
  it('says under its title which series it is in, linked, and where: 第 2 篇，共 3 篇', async () => {
    for (const [i, id] of TYPHOON.parts.entries()) {
      const line = (await articlePage(id)).querySelector('.yd-series-line');
      expect(text(line)).toBe(`专题：${TYPHOON.title} · 第 ${i + 1} 篇，共 3 篇`);
      expect(line?.querySelector('a')?.getAttribute('href')).toBe(`${BASE}series/${TYPHOON.slug}/`);
    }
    expect(text((await articlePage(TYPHOON.parts[1] ?? '', true)).querySelector('.yd-series-line'))).toBe('專題：颱風過後 · 第 2 篇，共 3 篇');
  });

  it('ends with the next part first, then every part in order with this one marked aria-current', async () => {
    for (const [i, id] of TYPHOON.parts.entries()) {
      const end = (await articlePage(id)).querySelector('.yd-series-end');
      const next = TYPHOON.parts[i + 1];
      if (next) expect(end?.querySelector('.yd-series-next a')?.getAttribute('href')).toBe(url(next));
      else expect(text(end?.querySelector('.yd-series-next'))).toBe('这是本专题的最后一篇，共 3 篇');
      const items = end?.querySelectorAll('.yd-series-parts li') ?? [];
      expect(items.map((li) => li.getAttribute('aria-current') ?? null)).toEqual(TYPHOON.parts.map((p) => (p === id ? 'page' : null)));
      expect(items.map((li) => li.querySelector('a')?.getAttribute('href') ?? null)).toEqual(TYPHOON.parts.map((p) => (p === id ? null : url(p))));
    }
  });

  it('is isPartOf its series in its NewsArticle JSON-LD, with its position', async () => {
    const data = jsonLd(await articlePage(TYPHOON.parts[2] ?? ''));
    expect(data['isPartOf']).toEqual({ '@type': 'CreativeWorkSeries', name: TYPHOON.title, url: `${SITE_URL}${BASE}series/${TYPHOON.slug}/` });
    expect(data['position']).toBe(3);
    expect(jsonLd(await articlePage(LEVEE))['isPartOf']).toBeUndefined();
  });
});

describe('相关阅读', () => {
  const related = async (id: string) => hrefs(await articlePage(id), '.yd-related a');

  it('offers up to 4 other articles at the end of every article, never itself nor a part its series already lists', async () => {
    for (const id of ALL) {
      const list = await related(id);
      expect(list.length, id).toBeLessThanOrEqual(4);
      expect(new Set(list).size).toBe(list.length);
      expect(list).not.toContain(url(id));
      for (const series of [TYPHOON, CHIPS]) if (series.parts.includes(id)) for (const part of series.parts) expect(list).not.toContain(url(part));
    }
  });

  it('puts the pinned article first, then articles sharing tags before those sharing only words', async () => {
    expect((await related(PHONES))[0]).toBe(url(LEVEE));
    // The phone story shares the 芯片 tag with the chip series.
    expect((await related(PHONES)).slice(1)).toEqual(expect.arrayContaining([url('chip-export'), url('chip-fab'), url('chip-talent')]));
    // Every typhoon part shares the 台风 tag with the levee story, the nearest thing outside the series.
    for (const id of TYPHOON.parts) expect((await related(id))[0], id).toBe(url(LEVEE));
  });

  it('is offered in the page\'s script on a zh-Hant twin', async () => {
    const doc = await articlePage(PHONES, true);
    expect(text(doc.querySelector('.yd-related h2'))).toBe('相關閱讀');
    expect(hrefs(doc, '.yd-related a')[0]).toBe(`${url(LEVEE)}zh-hant/`);
    expect(text(doc.querySelector('.yd-related a'))).toBe('海堤修補工程趕在汛期前完工');
  });
});

describe('the archive', () => {
  it('lists every year with its article count, the undated last, and the counts add up to every article', async () => {
    const doc = await page('archive/index.html');
    const years = doc.querySelectorAll('.yd-archive-years li').map((li) => [text(li.querySelector('a')), text(li.querySelector('.yd-count'))]);
    expect(years).toEqual([
      ['2024 年', '7 篇'],
      ['2023 年', '1 篇'],
      ['2022 年', '1 篇'],
      ['未注明日期', '1 篇'],
    ]);
    expect(hrefs(doc, '.yd-archive-years a')).toEqual(['2024', '2023', '2022', 'undated'].map((y) => `${BASE}archive/${y}/`));
  });

  it('lists a year\'s articles under their months, newest first', async () => {
    const doc = await page('archive/2024/index.html');
    expect(doc.querySelectorAll('.yd-archive-month h2').map(text)).toEqual(['10 月', '9 月', '8 月', '7 月', '3 月']);
    const dates = doc.querySelectorAll('.yd-archive-month h3 a').map((a) => a.getAttribute('href'));
    expect(dates).toHaveLength(7);
    expect(hrefs(doc, '.yd-archive-month:first-of-type h3 a')).toEqual([url(LEVEE)]);
    expect(hrefs(await page('archive/undated/index.html'), '.yd-article-list h3 a')).toEqual([url(SEED)]);
  });

  it('is linked from every page\'s footer and from the home page', async () => {
    const home = await page('index.html');
    expect(hrefs(home, '.yd-site-footer a')).toContain(`${BASE}archive/`);
    expect(hrefs(home, '.yd-archive-link a')).toEqual([`${BASE}archive/`]);
    expect(hrefs(await articlePage(LEVEE), '.yd-site-footer a')).toEqual(expect.arrayContaining([`${BASE}archive/`, `${BASE}series/`]));
  });
});

describe('the home page', () => {
  it('gives the newest series and its latest part a place above the latest articles', async () => {
    const home = await page('index.html');
    const block = home.querySelector('.yd-home-series');
    expect(hrefs(block ?? home, 'h3 a')).toEqual([`${BASE}series/${TYPHOON.slug}/`]);
    expect(hrefs(block ?? home, '.yd-series-latest a')).toEqual([url('typhoon-rebuild')]);
    const html = home.toString();
    expect(html.indexOf('yd-home-series')).toBeLessThan(html.indexOf('最新文章'));
    expect(home.querySelectorAll('h1')).toHaveLength(1);
    expect(hrefs(home, '.yd-sections a')).toContain(`${BASE}series/`);
  });
});
