import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { COMMON_TERM, rareTerm, SECTIONS, writeCorpus } from '../../scripts/lib/corpus.ts';
import { FIRST_PAGES, PAGE_SIZE } from '../../src/client/search/search-core.ts';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.ts';
import { buildSite, ROOT } from '../support/build-site.ts';
import { listFiles } from '../support/dist.ts';
import { firstView } from '../support/first-view.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// Small enough for CI, large enough for three home pages and paginated sections.
const N = 45;
const ABOUT_COMMON = [7, 31, 44];
const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-newsroom-'));
const dist = path.join(tmp, 'dist');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const seed = await readFile(path.join(ROOT, 'content/articles/ali-yun-haishi-alibaba-de-na-duo-yun.md'), 'utf8');
  await writeCorpus(path.join(tmp, 'content'), { articles: N, source: seed.slice(seed.indexOf('\n---\n') + 5) });
  // A few articles are about the common term (in the title, and again and again in the text); the
  // others mention it in passing. One of them in every bundle but the first.
  for (const k of ABOUT_COMMON) {
    const file = path.join(tmp, 'content/articles', `a-${String(k).padStart(2, '0')}.md`);
    const text = await readFile(file, 'utf8');
    const focus = `${Array.from({ length: 6 }, () => `${COMMON_TERM}又一次成为焦点。`).join('')}\n`;
    await writeFile(file, text.replace(/^title: "/m, `title: "${COMMON_TERM}专题：`) + `\n${focus}`);
  }
  // Index segments of 20 articles, as a 10,000-article archive has segments of 5,000: four bundles per language.
  const build = await buildSite({ outDir: dist, contentDir: path.join(tmp, 'content'), indexBatch: 20 });
  if (build.code !== 0) throw new Error(build.output);
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

const page = async (file: string) => parse(await readFile(path.join(dist, file), 'utf8'));
/** The stories a page of all articles lists, in order: on the front page its lead, then its latest. */
const listed = async (file: string) =>
  (await page(file)).querySelectorAll('.yd-lead h3 a, .yd-front-latest > .yd-article-list h3 a, main > .yd-article-list h2 a').map((a) => a.getAttribute('href') ?? '');
const dateOf = async (href: string) => (await page(`${href.slice(1)}index.html`)).querySelector('time')?.getAttribute('datetime') ?? '';

describe(`a newsroom of ${N} articles`, () => {
  it('home lists the newest 20, then pages 2 and 3 the rest, each article once, newest first', async () => {
    const pages = [await listed('index.html'), await listed('page/2/index.html'), await listed('page/3/index.html')];
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(N);
    const dates = await Promise.all(all.map(dateOf));
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await listFiles(dist)).some((f) => f.startsWith('page/4/'))).toBe(false);
  });

  it('pages link to each other with prev/next and numbers, marking the current one', async () => {
    const second = await page('page/2/index.html');
    expect(second.querySelector('.yd-pagination a[rel="prev"]')?.getAttribute('href')).toBe('/');
    expect(second.querySelector('.yd-pagination a[rel="next"]')?.getAttribute('href')).toBe('/page/3/');
    expect(second.querySelector('.yd-pagination a[aria-current="page"]')?.textContent).toBe('2');
    expect(second.querySelector('h1')?.textContent).toContain('第 2 页');
  });

  it('every section is in the navigation and lists exactly its own articles across its pages', async () => {
    const home = await page('index.html');
    expect(home.querySelectorAll('.yd-sections a').map((a) => a.textContent)).toEqual(SECTIONS.map((s) => s.name));
    let total = 0;
    for (const section of SECTIONS) {
      const files = (await listFiles(dist)).filter((f) => f.startsWith(`sections/${section.slug}/`) && f.endsWith('.html'));
      for (const file of files) {
        const doc = await page(file);
        // A section's page does not name itself under each item: each article's own page says where it is filed.
        expect(doc.querySelectorAll('.yd-article-list .yd-meta a[href*="/sections/"]')).toEqual([]);
        const hrefs = doc.querySelectorAll('.yd-article-list h2 a').map((a) => a.getAttribute('href') ?? '');
        expect(hrefs.length).toBeLessThanOrEqual(20);
        for (const href of hrefs) {
          const filed = (await page(`${href.slice(1)}index.html`)).querySelector('a[data-pagefind-filter="section"]')?.textContent;
          expect(filed, href).toBe(section.name);
        }
        total += hrefs.length;
      }
    }
    expect(total).toBe(N);
  });

  it('each article links to the newer and older article in its own section', async () => {
    const section = SECTIONS[0]?.slug ?? '';
    const ordered = [...(await listed(`sections/${section}/index.html`)), ...(await listed(`sections/${section}/page/2/index.html`).catch(() => []))];
    expect(ordered.length).toBeGreaterThan(2);
    const middle = await page(`${ordered[1]?.slice(1)}index.html`);
    expect(middle.querySelector('.yd-neighbours a[rel="prev"]')?.getAttribute('href')).toBe(ordered[0]);
    expect(middle.querySelector('.yd-neighbours a[rel="next"]')?.getAttribute('href')).toBe(ordered[2]);
    const first = await page(`${ordered[0]?.slice(1)}index.html`);
    expect(first.querySelector('.yd-neighbours a[rel="prev"]')).toBeNull();
  });

  it('listing pages stay within the article page budget whatever the archive size: 20 items, bounded page links', async () => {
    for (const file of ['index.html', 'page/2/index.html', `sections/${SECTIONS[0]?.slug}/index.html`]) {
      const view = await firstView(dist, file);
      expect(view.html + view.css + view.js, file).toBeLessThanOrEqual(12 * 1024);
      expect((await page(file)).querySelectorAll('.yd-pagination li').length, file).toBeLessThanOrEqual(7);
    }
  });

  it('search can be narrowed to one section, and each hit names its section', async () => {
    const tab = await browser.newPage({ viewport: PHONE });
    const fetched: string[] = [];
    tab.context().on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    // The choices are the site's sections, in the navigation's order, without asking the index:
    // an unfiltered search fetches no filter data from any of the bundles.
    expect(await tab.locator('#yd-search-section option').allInnerTexts()).toEqual(['全部栏目', ...SECTIONS.map((s) => s.name)]);
    expect(fetched.filter((file) => file.includes('/pagefind/')).length).toBeGreaterThan(0);
    expect(fetched.filter((file) => file.includes('/filter/'))).toEqual([]);
    const everywhere = await tab.locator('.yd-result-section').allInnerTexts();
    expect(new Set(everywhere).size).toBeGreaterThan(1);
    const section = SECTIONS[1]?.name ?? '';
    await tab.selectOption('#yd-search-section', section);
    await tab.waitForURL(/section=/);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    const narrowed = await tab.locator('.yd-result-section').allInnerTexts();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(new Set(narrowed)).toEqual(new Set([section]));
    // The address names the section by its slug, a fixed name other tools can rely on.
    expect(new URL(tab.url()).searchParams.get('section')).toBe(SECTIONS[1]?.slug);
    // A reload keeps the filter.
    await tab.reload();
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await tab.locator('#yd-search-section').inputValue()).toBe(SECTIONS[1]?.slug);
    await tab.close();
  });

  it('search treats an index written in several bundles as one: a term only in the last bundle is found', async () => {
    // Segments of 20 articles in publication order, then 4 (whole smalls of 2), then the tail of 1.
    const parts = JSON.parse(await readFile(path.join(dist, 'pagefind/yuedu-parts.json'), 'utf8'));
    expect(parts.bundles['zh-cn']).toHaveLength(3);
    expect(parts.bundles['zh-hant']).toEqual(parts.bundles['zh-cn']);
    expect(parts.dropped).toEqual({ 'zh-cn': [], 'zh-hant': [] });
    const tab = await browser.newPage({ viewport: PHONE });
    for (const k of [0, 25, N - 1]) {
      await tab.goto(`${server.url}search/?q=${encodeURIComponent(rareTerm(k))}`);
      await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
      expect(await tab.locator('#yd-search-status').innerText()).toMatch(new RegExp(`^找到 1 篇包含“${rareTerm(k)}”的文章`));
    }
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await tab.locator('.yd-result').count()).toBe(20);
    await tab.close();
  });

  it('newest first puts every bundle\'s results in one date order, the count and "more" as by relevance', async () => {
    const tab = await browser.newPage({ viewport: PHONE });
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}&sort=newest`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    const more = tab.locator('.yd-more-button');
    for (const shown of [40, N]) {
      await more.click();
      await expect.poll(() => tab.locator('.yd-result').count()).toBe(shown);
    }
    const listedDates = await tab.locator('#yd-search-results > .yd-result').evaluateAll((items) =>
      items.map((li) => li.querySelector(':scope > .yd-meta time')?.getAttribute('datetime') ?? ''),
    );
    expect(listedDates).toHaveLength(N);
    expect(new Set(listedDates).size).toBeGreaterThan(10);
    expect(listedDates).toEqual([...listedDates].sort().reverse());
    const hrefs = await tab.locator('.yd-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(N);
    await tab.close();
  });

  it('every article holding a word is reachable: "more" adds the next twenty in place, the count stays, a double press adds them once', async () => {
    const tab = await browser.newPage({ viewport: PHONE });
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    const more = tab.locator('.yd-more-button');
    expect(await more.innerText()).toBe('显示后 20 篇（还有 25 篇）');
    await more.dblclick();
    await expect.poll(() => tab.locator('.yd-result').count()).toBe(40);
    expect(await tab.locator('#yd-search-status').innerText()).toBe(`找到 ${N} 篇包含“${COMMON_TERM}”的文章，下面是最相关的 40 篇`);
    // The keyboard carries on from the first article added.
    expect(await tab.evaluate(() => document.activeElement?.closest('.yd-result') === document.querySelectorAll('.yd-result')[20])).toBe(true);
    expect(await more.innerText()).toBe('显示后 5 篇（还有 5 篇）');
    await more.click();
    await expect.poll(() => tab.locator('.yd-result').count()).toBe(N);
    expect(await more.count()).toBe(0);
    const titles = await tab.locator('.yd-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(titles).size).toBe(N);
    expect(await tab.locator('#yd-search-status').innerText()).toBe(`找到 ${N} 篇包含“${COMMON_TERM}”的文章`);
    await tab.close();
  });

  it('shows the best results while it reads the rest of a slow first page, says the outcome once, and shows a quick one whole', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.querySelector('#yd-search-status');
        if (status) new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
    // Fragments past the first few wait until the test lets them through, as on a slow network.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let fragments = 0;
    await context.route('**/fragment/**', async (route) => {
      if (++fragments > FIRST_PAGES) await held;
      await route.continue();
    });
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}`);
    await expect.poll(() => tab.locator('.yd-result').count()).toBe(FIRST_PAGES);
    expect(await tab.locator('#yd-search-results').getAttribute('aria-busy')).toBe('true');
    expect(await tab.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([]);
    // The best first: Pagefind's top result is an article about the term.
    expect(await tab.locator('.yd-result-title a').first().innerText()).toMatch(new RegExp(`^${COMMON_TERM}专题`));
    const top = async () => (await tab.locator('.yd-result').first().boundingBox())?.y;
    const before = await top();
    release();
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await tab.locator('.yd-result').count()).toBe(PAGE_SIZE);
    // The status line had room kept for it: the result being read does not move when the outcome is said.
    expect(await top()).toBe(before);
    const outcome = `找到 ${N} 篇包含“${COMMON_TERM}”的文章，下面是最相关的 ${PAGE_SIZE} 篇`;
    expect(await tab.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([outcome]);
    // Searched again, with everything at hand, the first page goes up whole: one paint, not two.
    const paints = await tab.evaluate(async () => {
      const list = document.querySelector('#yd-search-results');
      const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
      if (!list || !form) throw new Error('search page markup changed');
      let count = 0;
      const observer = new MutationObserver((records) => {
        count += records.filter((r) => [...r.addedNodes].some((node) => node instanceof Element && node.matches('.yd-result'))).length;
      });
      observer.observe(list, { childList: true });
      const done = new Promise<void>((resolve) => {
        new MutationObserver((_, self) => {
          if (list.getAttribute('aria-busy') === 'false') (self.disconnect(), resolve());
        }).observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      form.requestSubmit();
      await done;
      observer.disconnect();
      return { count, results: list.querySelectorAll('.yd-result').length };
    });
    expect(paints).toEqual({ count: 1, results: PAGE_SIZE });
    await context.close();
  });

  it('the header panel offers "more" too', async () => {
    const tab = await browser.newPage({ viewport: DESKTOP });
    await tab.goto(`${server.url}sections/${SECTIONS[0]?.slug}/`);
    await tab.locator('#yd-header-q').fill(COMMON_TERM);
    await tab.waitForSelector('#yd-search-panel .yd-result >> nth=19');
    await tab.locator('#yd-search-panel .yd-more-button').click();
    await expect.poll(() => tab.locator('#yd-search-panel .yd-result').count()).toBe(40);
    await tab.close();
  });

  it('typing fast, deleting back to empty and changing the section mid-search leave no stale or doubled results and no error', async () => {
    const tab = await browser.newPage({ viewport: PHONE });
    const problems: string[] = [];
    tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.goto(`${server.url}search/`);
    const input = tab.locator('#yd-search-q');
    await input.focus();
    // Every keystroke searches at once; only the last query's results may stay.
    await tab.keyboard.type(rareTerm(3), { delay: 0 });
    await expect.poll(() => tab.locator('#yd-search-status').innerText()).toMatch(new RegExp(`^找到 1 篇包含“${rareTerm(3)}”`));
    expect(await tab.locator('.yd-result').count()).toBe(1);
    for (let i = 0; i < [...rareTerm(3)].length; i++) await tab.keyboard.press('Backspace');
    await expect.poll(() => tab.locator('#yd-search-status').innerText()).toBe('输入字词，在全部文章中搜索。');
    expect(await tab.locator('.yd-result').count()).toBe(0);
    await input.fill(COMMON_TERM);
    const section = SECTIONS[2]?.name ?? '';
    await tab.selectOption('#yd-search-section', section);
    await tab.waitForURL(/section=/);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(new Set(await tab.locator('.yd-result-section').allInnerTexts())).toEqual(new Set([section]));
    // Results arriving never move the reader's focus.
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('yd-search-q');
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('a word in every article ranks the articles about it on the first page, wherever they are in the index', async () => {
    const tab = await browser.newPage({ viewport: PHONE });
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    const titles = await tab.locator('.yd-result-title a').allInnerTexts();
    expect(titles).toHaveLength(20);
    // Every article holds it; the status says so, not just how many are shown.
    expect(await tab.locator('#yd-search-status').innerText()).toBe(`找到 ${N} 篇包含“${COMMON_TERM}”的文章，下面是最相关的 20 篇`);
    // Pagefind's ranking decides the order (it weighs headings too); all of them make the first page.
    const about = titles.filter((title) => title.startsWith(`${COMMON_TERM}专题`));
    expect(about, titles.join(' | ')).toHaveLength(ABOUT_COMMON.length);
    expect(titles[0]).toMatch(new RegExp(`^${COMMON_TERM}专题`));
    await tab.close();
  });

  it('ships only the index files a search loads: no Pagefind UIs, one script, worker and wasm', async () => {
    const primary = await readdir(path.join(dist, 'pagefind'));
    expect(primary).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'yuedu-parts.json']));
    expect(primary.filter((file) => file.startsWith('wasm.'))).toHaveLength(1);
    const parts = JSON.parse(await readFile(path.join(dist, 'pagefind/yuedu-parts.json'), 'utf8')).bundles['zh-cn'] as string[];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const files = await readdir(path.join(dist, 'pagefind', part));
      expect(files.filter((file) => !/^(filter|fragment|index|pagefind-entry\.json|pagefind\.zh-[a-z]+_\w+\.pf_meta)$/.test(file)), part).toEqual([]);
    }
    const everywhere = await readdir(path.join(dist, 'pagefind'), { recursive: true });
    expect(everywhere.filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });

  it('asks for every bundle\'s entry file by a digest of its content, the same address on every visit, so it can be cached', async () => {
    const visit = async () => {
      const tab = await browser.newPage({ viewport: PHONE });
      const asked: string[] = [];
      tab.on('request', (request) => {
        if (request.url().includes('pagefind-entry.json')) asked.push(request.url().slice(server.url.length));
      });
      await tab.goto(`${server.url}search/?q=${encodeURIComponent(COMMON_TERM)}`);
      await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
      await tab.close();
      return asked.sort();
    };
    const first = await visit();
    const parts = JSON.parse(await readFile(path.join(dist, 'pagefind/yuedu-parts.json'), 'utf8')) as { bundles: Record<string, string[]> };
    const digest = async (dir: string) => createHash('sha256').update(await readFile(path.join(dist, 'pagefind', dir, 'pagefind-entry.json'))).digest('hex').slice(0, 12);
    const expected = await Promise.all(['', ...(parts.bundles['zh-cn'] ?? [])].map(async (dir) => `pagefind/${dir}pagefind-entry.json?ts=${await digest(dir)}`));
    expect(first).toEqual(expected.sort());
    expect(await visit()).toEqual(first);
  });

  it('partial matches show excerpts that do not repeat the heading their link already names, nor gaps after 。', async () => {
    const tab = await browser.newPage({ viewport: PHONE });
    // rareTerm(0) is in a 美股新闻 article; in 科技 only its words are, apart. (section= by name, as older links have it.)
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(rareTerm(0))}&section=${encodeURIComponent(SECTIONS[1]?.name ?? '')}`);
    await tab.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await tab.locator('#yd-search-status').innerText()).toMatch(/^没有文章完整包含/);
    const hits = await tab.locator('.yd-result').evaluateAll((results) =>
      results.flatMap((result) =>
        [...result.querySelectorAll('.yd-hits li')].map((hit) => ({
          heading: hit.querySelector('.yd-hit-section')?.textContent === '导语'
            ? (result.querySelector('.yd-result-title a')?.textContent ?? '')
            : (hit.querySelector('.yd-hit-section')?.textContent ?? ''),
          excerpt: hit.querySelector('.yd-hit-excerpt')?.textContent ?? '',
        })),
      ),
    );
    expect(hits.length).toBeGreaterThan(0);
    for (const { heading, excerpt } of hits) {
      expect(excerpt.trim().length, heading).toBeGreaterThan(0);
      expect(excerpt.startsWith(heading), `${heading} | ${excerpt}`).toBe(false);
      expect(excerpt, heading).not.toMatch(/[。！？，]\s/u);
    }
    await tab.close();
  });

  it('at the end of an article whose last section is short, the TOC marks that last section', async () => {
    const tab = await browser.newPage({ viewport: DESKTOP });
    // a-07's last section is two short paragraphs: its heading never reaches the top third of a 1280x800 screen.
    await tab.goto(`${server.url}articles/a-07/`);
    await tab.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    const last = await tab.locator('.yd-toc a').last().innerText();
    await expect.poll(() => tab.locator('.yd-toc a[aria-current="true"]').allInnerTexts()).toEqual([last]);
    await tab.close();
  });

  it('with JavaScript off, pagination and sections are plain links that work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.click('.yd-pagination a[rel="next"]');
    await tab.waitForURL(/\/page\/2\/$/);
    expect(await tab.locator('.yd-article-list li').count()).toBe(20);
    await tab.click(`.yd-sections a >> text=${SECTIONS[2]?.name}`);
    await tab.waitForURL(new RegExp(`/sections/${SECTIONS[2]?.slug}/$`));
    expect(await tab.locator('h1').innerText()).toBe(SECTIONS[2]?.name);
    await context.close();
  });
});
