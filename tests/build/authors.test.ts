import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { SITE_URL } from '../support/global-setup.ts';
import { CHEN, LEVEE, LIN, TYPHOON } from '../support/series-site.ts';

const dist = inject('distSeries');
const BASE = '/news/';
const page = async (file: string) => parse(await readFile(path.join(dist, file), 'utf8'));
const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const jsonLd = (doc: HTMLElement) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
const NIGHT = TYPHOON.parts[0] ?? '';

describe('bylines', () => {
  it('name every person in order with their role under the title, each linked to their author page when they have one', async () => {
    const night = await page(`articles/${NIGHT}/index.html`);
    const byline = night.querySelector('.yd-article-header .yd-byline');
    expect(text(byline)).toBe('记者 林晓雨 · 摄影 陈默');
    expect(byline?.querySelectorAll('a').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['林晓雨', `${BASE}authors/${LIN.slug}/`],
      ['陈默', `${BASE}authors/${CHEN.slug}/`],
    ]);
    // A name with no author file is text; an agency is a plain byline too.
    const fab = await page('articles/chip-fab/index.html');
    expect(text(fab.querySelector('.yd-byline'))).toBe('特约撰稿人 周宁 · 摄影 陈默');
    expect(fab.querySelectorAll('.yd-byline a').map((a) => a.textContent)).toEqual(['陈默']);
    expect(text((await page(`articles/${LEVEE}/index.html`)).querySelector('.yd-byline'))).toBe('新华社');
  });

  it('are Person (with page and job title), contributor for the photographer, and Organization for an agency in JSON-LD', async () => {
    const night = jsonLd(await page(`articles/${NIGHT}/index.html`));
    expect(night['author']).toEqual([{ '@type': 'Person', name: LIN.name, url: `${SITE_URL}${BASE}authors/${LIN.slug}/`, jobTitle: LIN.title }]);
    expect(night['contributor']).toEqual([{ '@type': 'Person', name: CHEN.name, url: `${SITE_URL}${BASE}authors/${CHEN.slug}/`, jobTitle: CHEN.title }]);
    expect(jsonLd(await page(`articles/${LEVEE}/index.html`))['author']).toEqual([{ '@type': 'Organization', name: '新华社' }]);
  });

  it('are converted on the traditional twin, which links the author pages\' twins', async () => {
    const twin = await page('articles/chip-fab/zh-hant/index.html');
    expect(text(twin.querySelector('.yd-byline'))).toBe('特約撰稿人 周寧 · 攝影 陳默');
    expect(twin.querySelector('.yd-byline a')?.getAttribute('href')).toBe(`${BASE}authors/${CHEN.slug}/zh-hant/`);
  });

  it('show in listings as names, linked, without roles', async () => {
    const home = await page('index.html');
    // The front's lead (it has the newsroom's one cover) and every listed story show their bylines alike.
    const item = home.querySelectorAll('.yd-lead, .yd-article-list > li').find((li) => li.querySelector(':is(h2, h3) a')?.getAttribute('href') === `${BASE}articles/${NIGHT}/`);
    expect(item).toBeDefined();
    const meta = item?.querySelector('.yd-meta');
    expect(text(meta)).toContain('林晓雨、陈默');
    expect(text(meta)).not.toContain('记者');
    expect(meta?.querySelectorAll('a[rel="author"]').map((a) => a.getAttribute('href'))).toEqual([`${BASE}authors/${LIN.slug}/`, `${BASE}authors/${CHEN.slug}/`]);
  });
});

describe('an author page', () => {
  it('shows name, title, photo, bio and links, then exactly that author\'s articles, newest first', async () => {
    const doc = await page(`authors/${LIN.slug}/index.html`);
    expect(text(doc.querySelector('h1'))).toBe(LIN.name);
    expect(text(doc.querySelector('.yd-author-title'))).toBe(LIN.title);
    expect(doc.querySelector('.yd-author-photo img')?.getAttribute('alt')).toBe('林晓雨在东港市渔港采访');
    expect(text(doc.querySelector('.yd-author-bio'))).toContain('长期报道沿海城市的灾害与重建');
    expect(doc.querySelector('.yd-author-links a')?.attributes).toMatchObject({ href: 'https://lin-xiaoyu.example.org/', rel: 'noopener me' });
    expect(doc.querySelectorAll('.yd-author-articles h3 a').map((a) => a.getAttribute('href'))).toEqual(LIN.articles.map((id) => `${BASE}articles/${id}/`));
    expect(text(doc.querySelector('.yd-author-articles h2'))).toBe('文章（2 篇）');
  });

  it('says the author\'s role beside an article where theirs is not the lead byline', async () => {
    const doc = await page(`authors/${CHEN.slug}/index.html`);
    const items = doc.querySelectorAll('.yd-author-articles .yd-article-list > li');
    expect(items.map((li) => li.querySelector('h3 a')?.getAttribute('href'))).toEqual(CHEN.articles.map((id) => `${BASE}articles/${id}/`));
    for (const li of items) expect(text(li.querySelector('.yd-meta'))).toContain('本文摄影');
    const lin = await page(`authors/${LIN.slug}/index.html`);
    expect(text(lin.querySelector('.yd-author-articles'))).not.toContain('本文');
  });

  it('is a ProfilePage whose Person has the job title, photo and links', async () => {
    const data = jsonLd(await page(`authors/${LIN.slug}/index.html`));
    expect(data['@type']).toBe('ProfilePage');
    expect(data['mainEntity']).toMatchObject({
      '@type': 'Person',
      name: LIN.name,
      jobTitle: LIN.title,
      url: `${SITE_URL}${BASE}authors/${LIN.slug}/`,
      sameAs: ['https://lin-xiaoyu.example.org/'],
    });
    expect((data['mainEntity'] as { image: string }).image).toMatch(/^https:\/\/example\.com\/news\/_astro\/.+\.jpe?g$/);
  });

  it('has a zh-Hant twin in traditional characters, whose list links the articles\' twins', async () => {
    const doc = await page(`authors/${LIN.slug}/zh-hant/index.html`);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('zh-Hant');
    expect(text(doc.querySelector('h1'))).toBe('林曉雨');
    expect(text(doc.querySelector('.yd-author-title'))).toBe('資深記者');
    expect(doc.querySelectorAll('.yd-author-articles h3 a').map((a) => a.getAttribute('href'))).toEqual(LIN.articles.map((id) => `${BASE}articles/${id}/zh-hant/`));
    expect(text(doc.querySelector('.yd-author-articles h3 a'))).toBe('臨時安置點裡的第三天');
  });

  it('is listed on /authors/ with its count, and in the sitemap', async () => {
    const index = await page('authors/index.html');
    expect(index.querySelectorAll('.yd-author-index li').map(text)).toEqual(['陈默 · 摄影记者 · 2 篇', '林晓雨 · 资深记者 · 2 篇']);
    const sitemap = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
    for (const url of ['authors/', `authors/${LIN.slug}/`, `authors/${LIN.slug}/zh-hant/`]) expect(sitemap).toContain(`${SITE_URL}${BASE}${url}<`);
  });
});

describe("an editor's note and corrections", () => {
  it('show the note in its own block above the body, in the searchable text, in both scripts', async () => {
    const doc = await page(`articles/${LEVEE}/index.html`);
    const note = doc.querySelector('[data-pagefind-body] .yd-editor-note');
    expect(text(note)).toBe('编者按：本文发表后，东港市水利局补充了工程预算的数字，见文末更正。');
    expect(note?.querySelector('strong:nth-of-type(2)')?.textContent).toBe('工程预算');
    expect(note?.closest('[data-pagefind-ignore]')).toBeNull();
    // Above the body: before the first paragraph of the prose.
    const html = doc.querySelector('body')?.toString() ?? '';
    expect(html.indexOf('yd-editor-note')).toBeGreaterThan(0);
    expect(html.indexOf('yd-editor-note')).toBeLessThan(html.indexOf('yd-prose'));
    expect(text((await page(`articles/${LEVEE}/zh-hant/index.html`)).querySelector('.yd-editor-note'))).toBe('編者按：本文發表後，東港市水利局補充了工程預算的數字，見文末更正。');
  });

  it('say under the byline when the article was last corrected, linking to the 更正 block, which lists each correction newest first', async () => {
    const doc = await page(`articles/${LEVEE}/index.html`);
    const notice = doc.querySelector('.yd-article-header .yd-corrected a');
    expect(text(notice)).toBe('本文已于 2024-10-08 更正');
    expect(notice?.getAttribute('href')).toBe('#yd-corrections');
    const block = doc.querySelector('#yd-corrections');
    expect(text(block?.querySelector('h2'))).toBe('更正');
    expect(block?.querySelectorAll('li').map(text)).toEqual(['2024-10-08 施工单位的名称已改正。', '2024-10-05 新堤段加高的高度应为一米，初版误作两米。']);
    expect(block?.querySelector('a[href="/news/corrections/"]')).not.toBeNull();
  });

  it('are CorrectionComments in JSON-LD, the newest correction the dateModified', async () => {
    const data = jsonLd(await page(`articles/${LEVEE}/index.html`));
    expect(data['dateModified']).toBe('2024-10-08');
    expect(data['correction']).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2024-10-05', text: '新堤段加高的高度应为一米，初版误作两米。' },
      { '@type': 'CorrectionComment', datePublished: '2024-10-08', text: '施工单位的名称已改正。' },
    ]);
    // An article never corrected says nothing of it.
    const night = await page(`articles/${NIGHT}/index.html`);
    expect(night.querySelector('.yd-corrected, #yd-corrections')).toBeNull();
    expect(jsonLd(night)['correction']).toBeUndefined();
  });

  it('are listed on /corrections/, newest first, each with its article', async () => {
    const doc = await page('corrections/index.html');
    const items = doc.querySelectorAll('.yd-corrections-record > li');
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual(['2024-10-08', '2024-10-05']);
    for (const li of items) expect(li.querySelector('h2 a')?.getAttribute('href')).toBe(`${BASE}articles/${LEVEE}/`);
  });
});
