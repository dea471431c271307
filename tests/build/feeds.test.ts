import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../support/dist.ts';
import { SITE_URL } from '../support/global-setup.ts';
import { element, elements, items, rssProblems } from '../support/rss-rules.ts';
import { CHEN, CHIPS, LEVEE, LIN, SECTIONS, TYPHOON } from '../support/series-site.ts';

const dist = inject('distSeries');
const BASE = '/news/';
const SITE = `${SITE_URL}${BASE}`;
const read = (file: string) => readFile(path.join(dist, file), 'utf8');
const page = async (file: string) => parse(await read(file));
const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
/** The articles a listing page shows, as absolute URLs. */
const listed = async (file: string) => (await page(file)).querySelectorAll('.yd-article-list article > :is(h2, h3) a').map((a) => new URL(a.getAttribute('href') ?? '', SITE_URL).href);
/** A feed as a feed reader sees it. */
const reader = async (file: string) => parseFeed(await read(file));
const itemOf = async (file: string, id: string) => items(await read(file)).find((item) => element(item, 'link') === `${SITE}articles/${id}/`) ?? '';

describe('feeds', () => {
  it('exist for the site, every section, tag, author and series, and pass the RSS 2.0 rules a validator checks offline', async () => {
    const feeds = (await listFiles(dist)).filter((f) => f.endsWith('rss.xml')).sort();
    const tags = (await listFiles(dist)).filter((f) => /^tags\/[^/]+\/index\.html$/.test(f)).map((f) => f.replace('index.html', 'rss.xml'));
    expect(tags.length).toBeGreaterThan(5);
    expect(feeds).toEqual(
      [
        'rss.xml',
        ...SECTIONS.map((s) => `sections/${s.slug}/rss.xml`),
        ...tags,
        `authors/${CHEN.slug}/rss.xml`,
        `authors/${LIN.slug}/rss.xml`,
        `series/${TYPHOON.slug}/rss.xml`,
        `series/${CHIPS.slug}/rss.xml`,
      ].sort(),
    );
    for (const file of feeds) {
      const xml = await read(file);
      expect(rssProblems(xml, new URL(file, SITE).href), file).toEqual([]);
      const feed = parseFeed(xml);
      expect(feed.items.length, file).toBeGreaterThan(0);
      // Full text: every item carries the whole article beside its summary.
      for (const item of feed.items) expect((item.content ?? '').length, `${file}: ${item.title}`).toBeGreaterThan((item.description ?? '').length);
    }
  });

  it('hold what their pages list, newest first: a section, a tag, an author', async () => {
    for (const [feed, listing] of [
      ['sections/society/rss.xml', 'sections/society/index.html'],
      ['tags/台风/rss.xml', 'tags/台风/index.html'],
      [`authors/${LIN.slug}/rss.xml`, `authors/${LIN.slug}/index.html`],
    ] as const) {
      const urls = (await reader(feed)).items.map((item) => item.url);
      expect(urls, feed).toEqual(await listed(listing));
    }
    expect((await reader(`authors/${LIN.slug}/rss.xml`)).items.map((item) => item.url)).toEqual(LIN.articles.map((id) => `${SITE}articles/${id}/`));
    const society = await reader('sections/society/rss.xml');
    expect(society.items.map((item) => item.categories[0]?.term)).toEqual(society.items.map(() => '社会'));
    expect(society.title).toBe('社会 · 阅读');
  });

  it('carry each article in full: the editor\'s note, the body with its footnotes and links made absolute, the corrections', async () => {
    const [levee] = (await reader('sections/society/rss.xml')).items;
    expect(levee?.url).toBe(`${SITE}articles/${LEVEE}/`);
    const content = parse(levee?.content ?? '');
    expect(text(content.querySelector('p'))).toBe('编者按：本文发表后，东港市水利局补充了工程预算的数字，见文末更正。');
    // Every paragraph the page's body shows is in the item, in order.
    const article = await page(`articles/${LEVEE}/index.html`);
    const paragraphs = article.querySelectorAll('.yd-prose > p').map(text);
    expect(paragraphs.length).toBeGreaterThan(2);
    const body = text(content);
    let at = 0;
    for (const paragraph of paragraphs) {
      const found = body.indexOf(paragraph, at);
      expect(found, paragraph).toBeGreaterThan(at - 1);
      at = found + paragraph.length;
    }
    const hrefs = content.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(`${SITE}articles/typhoon-night/`);
    expect(hrefs).toContain(`${SITE}articles/${LEVEE}/#yd-fn-1`);
    expect(text(content.querySelector('#yd-fn-1'))).toContain('二十年一遇，指每年出现的概率约为百分之五的风暴潮。');
    // A heading's "#" permalink points into a page the reader is not on.
    expect(content.querySelectorAll('h2').map(text)).toEqual(['工期', '隐患', '注释', '更正']);
    expect(content.querySelectorAll('li time').map((t) => t.getAttribute('datetime'))).toEqual(['2024-10-08', '2024-10-05']);
    expect(levee?.published?.toISOString()).toBe('2024-10-02T00:00:00.000Z');
    // The newest correction is the item's last update (dcterms:modified, what Python's feedparser reads as updated).
    expect(element(await itemOf('rss.xml', LEVEE), 'dcterms:modified')).toBe('2024-10-08');
  });

  it('name every byline once each (dc:creator), and the section and tags as categories', async () => {
    const night = TYPHOON.parts[0] ?? '';
    const item = (await reader(`series/${TYPHOON.slug}/rss.xml`)).items.find((i) => i.url === `${SITE}articles/${night}/`);
    expect(item?.authors.map((a) => a.name)).toEqual([LIN.name, CHEN.name]);
    expect(elements(await itemOf('rss.xml', night), 'dc:creator')).toEqual([LIN.name, CHEN.name]);
    expect(item?.categories.map((c) => c.term)).toEqual(['社会', '台风', '救灾']);
    expect((await reader('rss.xml')).items.find((i) => i.url === `${SITE}articles/${LEVEE}/`)?.authors.map((a) => a.name)).toEqual(['新华社']);
  });

  it('are announced by their pages, in the head and as a link a reader can follow', async () => {
    for (const [file, feed] of [
      ['sections/society/index.html', 'sections/society/rss.xml'],
      ['tags/台风/index.html', 'tags/台风/rss.xml'],
      [`authors/${LIN.slug}/index.html`, `authors/${LIN.slug}/rss.xml`],
      [`authors/${LIN.slug}/zh-hant/index.html`, `authors/${LIN.slug}/rss.xml`],
      [`series/${TYPHOON.slug}/index.html`, `series/${TYPHOON.slug}/rss.xml`],
    ] as const) {
      const doc = await page(file);
      const announced = doc.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').map((l) => l.getAttribute('href'));
      expect(announced, file).toEqual([`${BASE}rss.xml`, `${BASE}${feed}`]);
      expect(doc.querySelector(`main a[type="application/rss+xml"][href="${BASE}${feed}"]`), file).not.toBeNull();
    }
  });
});
