import { appendFile, cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { ARTICLE_ID } from '../support/dist.ts';
import { HANT_ID, PICTURE_ID } from '../support/picture-site.ts';
import { copyProject } from '../support/project-copy.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
let tmp: string;
const servers: StaticServer[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-offline-'));
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await rm(tmp, { recursive: true, force: true });
});

async function serve(dir: string, base = '/'): Promise<StaticServer> {
  const server = await serveStatic(dir, base);
  servers.push(server);
  return server;
}

/** A phone page that records console errors and uncaught exceptions. */
async function open(url: string, prepare?: (context: BrowserContext) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: PHONE });
  await prepare?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { context, page, problems };
}

/** The service worker registers once the page has loaded, and takes control of it. */
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

/** Every URL kept in the site's caches, by cache. */
const cached = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return out;
  });
const keptUrls = async (page: Page) => Object.values(await cached(page)).flat();

const allPicturesShown = (page: Page) =>
  page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.yd-article img')].every((img) => img.complete && img.naturalWidth > 0), null, {
    timeout: 15_000,
  });
const pictureSources = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.yd-article img')].map((img) => img.currentSrc));

describe('offline reading under a sub-path (/news/)', () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await serve(inject('distPictures'), '/news/');
  });
  const article = () => `${site.url}articles/${PICTURE_ID}/`;

  it('shows the whole article and its pictures on a reload offline, after reading it online', async () => {
    const { context, page, problems } = await open(article());
    await controlled(page);
    await page.evaluate(() => document.querySelector('.yd-article-end')?.scrollIntoView({ behavior: 'instant' }));
    await allPicturesShown(page);
    await expect.poll(() => keptUrls(page), { timeout: 10_000 }).toContain(article());
    const online = { text: await page.locator('.yd-prose').innerText(), pictures: await pictureSources(page) };
    expect(online.pictures.length).toBeGreaterThanOrEqual(5);

    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('一座数据中心的一天');
    expect(await page.locator('.yd-prose').innerText()).toBe(online.text);
    // Styled by its own stylesheet: the article column is narrower than the phone.
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('.yd-article-end')?.scrollIntoView({ behavior: 'instant' }));
    await allPicturesShown(page);
    expect(await pictureSources(page)).toEqual(online.pictures);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps every picture of an opened article, at this screen’s size, without the reader scrolling', async () => {
    const { context, page } = await open(article());
    await controlled(page);
    await allPicturesShown(page);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const pictures = await pictureSources(page);
    await expect.poll(() => keptUrls(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(pictures));
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => document.querySelector('.yd-article-end')?.scrollIntoView({ behavior: 'instant' }));
    await allPicturesShown(page);
    await context.close();
  });

  it('leaves pictures below the screen to load on scroll when the reader asked to save data', async () => {
    const { context, page } = await open(article(), (c) =>
      c.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } })),
    );
    await controlled(page);
    await page.waitForTimeout(1000);
    const last = page.locator('img[alt="清晨的数据中心外景"]');
    expect(await last.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(false);
    await context.close();
  });

  it('answers a never-visited page offline with the offline page, which lists the kept articles in both scripts', async () => {
    const { context, page, problems } = await open(article());
    await controlled(page);
    for (const path of [`articles/${PICTURE_ID}/zh-hant/`, `articles/${HANT_ID}/`]) await page.goto(site.url + path);
    await expect.poll(async () => (await keptUrls(page)).filter((url) => url.includes('/articles/')).length, { timeout: 10_000 }).toBe(3);

    await context.setOffline(true);
    await page.goto(`${site.url}sections/tech/`);
    expect(await page.locator('h1').innerText()).toBe('这一页还没有保存到本机');
    expect(await page.locator('p[lang="zh-Hant"]').first().innerText()).toContain('現在沒有網路連線');
    const list = page.locator('.yd-offline li a');
    await expect.poll(() => list.count()).toBe(3);
    const entries = await list.evaluateAll((links: HTMLAnchorElement[]) => links.map((a) => [a.textContent, a.lang, new URL(a.href).pathname]));
    expect(entries).toEqual(
      expect.arrayContaining([
        ['一座数据中心的一天', 'zh-CN', `/news/articles/${PICTURE_ID}/`],
        ['一座數據中心的一天', 'zh-Hant', `/news/articles/${PICTURE_ID}/zh-hant/`],
        [expect.any(String), 'zh-Hant', `/news/articles/${HANT_ID}/`],
      ]),
    );
    // Most recently read first.
    expect(entries[0]?.[2]).toBe(`/news/articles/${HANT_ID}/`);
    await list.first().click();
    await page.waitForURL(`**/articles/${HANT_ID}/`);
    expect(await page.locator('.yd-prose p').count()).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the home page, its script and the tab icon from a first visit: offline it reads as it did, with nothing missing', async () => {
    const { context, page, problems } = await open(site.url);
    await controlled(page);
    await expect.poll(() => keptUrls(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([site.url, `${site.url}favicon.svg`]));
    const online = await page.locator('.yd-article-list li').allInnerTexts();
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('.yd-article-list li').allInnerTexts()).toEqual(online);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches offline over the index files already fetched, and says so when a query needs others', async () => {
    const { context, page } = await open(`${site.url}search/?q=${encodeURIComponent('阿里云')}`);
    const results = page.locator('#yd-search-results li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await controlled(page);
    // The first search ran before the worker existed; this one goes through it.
    await page.reload();
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await keptUrls(page)).filter((url) => url.includes('/pagefind/')).length, { timeout: 10_000 }).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await results.first().innerText()).toContain('阿里');
    // Only the picture article holds this word, and its index fragment was never fetched.
    await page.locator('#yd-search-q').fill('数据中心');
    await expect.poll(() => page.locator('#yd-search-status').innerText(), { timeout: 10_000 }).toContain('现在离线');
    await context.close();
  });
});

describe('a new deploy', () => {
  const UPDATE = '这一段是第二次部署时加上的更新。';
  const NEW_COLOUR = 'rgb(11, 83, 148)';
  let live: string;
  let next: string;
  let site: StaticServer;
  // The next deploy is built from a copy of the project: the article gains a paragraph, the stylesheet a rule.
  beforeAll(async () => {
    const project = await copyProject(path.join(tmp, 'project'));
    await appendFile(path.join(project, 'src/styles/global.css'), `\n.yd-article h1 { color: ${NEW_COLOUR}; }\n`);
    const file = path.join(project, 'content/articles', `${ARTICLE_ID}.md`);
    const source = await readFile(file, 'utf8');
    const bodyStart = source.indexOf('\n---\n', 4) + 5;
    await writeFile(file, `${source.slice(0, bodyStart)}\n${UPDATE}\n${source.slice(bodyStart)}`);
    next = path.join(tmp, 'next');
    const { code, output } = await buildSite({ root: project, outDir: next, cacheDir: path.join(tmp, 'astro-cache') });
    if (code !== 0) throw new Error(`second build failed:\n${output}`);
    live = path.join(tmp, 'live');
    await symlink(inject('distRoot'), live);
    site = await serve(live);
  }, 240_000);

  /** Deploys a build in place, as a host swaps its folder. */
  async function deploy(dist: string): Promise<void> {
    await symlink(dist, `${live}.next`);
    await rename(`${live}.next`, live);
  }
  const shells = async (page: Page) => Object.keys(await cached(page)).filter((name) => name.startsWith('yuedu-shell-'));
  const headingColour = (page: Page) => page.locator('h1').evaluate((h1) => getComputedStyle(h1).color);
  // Each build's stylesheet travels inside its pages: its text tells the builds apart.
  const stylesheet = (page: Page) => page.locator('head style').evaluate((style) => style.textContent);

  it('going offline in the middle of an update keeps the old build whole; the update lands once back online', async () => {
    await deploy(inject('distRoot'));
    const article = `${site.url}articles/${ARTICLE_ID}/`;
    const { context, page, problems } = await open(article);
    await controlled(page);
    await expect.poll(() => keptUrls(page), { timeout: 10_000 }).toContain(article);
    const [oldShell] = await shells(page);
    const oldColour = await headingColour(page);

    await deploy(next);
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('.yd-prose').innerText()).not.toContain(UPDATE);
    expect(await headingColour(page)).toBe(oldColour);
    expect(await shells(page)).toEqual([oldShell]);

    await context.setOffline(false);
    await page.reload();
    expect(await page.locator('.yd-prose').innerText()).toContain(UPDATE);
    await expect.poll(() => shells(page), { timeout: 15_000 }).toEqual([expect.not.stringMatching(oldShell ?? '')]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves the new text with the new stylesheet from the next navigation on, online and offline, and never mixes builds', async () => {
    await deploy(inject('distRoot'));
    const article = `${site.url}articles/${ARTICLE_ID}/`;
    const twin = `${article}zh-hant/`;
    const { context, page, problems } = await open(article);
    await controlled(page);
    await page.goto(twin);
    await page.goto(article);
    await expect.poll(() => keptUrls(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([article, twin]));
    const [oldShell] = await shells(page);
    const oldStylesheet = await stylesheet(page);
    const oldColour = await headingColour(page);
    expect(await page.locator('.yd-prose').innerText()).not.toContain(UPDATE);

    await deploy(next);
    await page.reload();
    expect(await page.locator('.yd-prose').innerText()).toContain(UPDATE);
    expect(await headingColour(page)).toBe(NEW_COLOUR);
    // The new worker installs and takes over; the old build's shell is deleted.
    await expect.poll(() => shells(page), { timeout: 15_000 }).toEqual([expect.not.stringMatching(oldShell ?? '')]);
    await page.reload();
    expect(await page.locator('.yd-prose').innerText()).toContain(UPDATE);
    expect(await stylesheet(page)).not.toBe(oldStylesheet);
    expect(await headingColour(page)).toBe(NEW_COLOUR);

    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('.yd-prose').innerText()).toContain(UPDATE);
    expect(await headingColour(page)).toBe(NEW_COLOUR);
    // The twin, kept from the old build and not read since, keeps the stylesheet it was read with.
    await page.goto(twin);
    expect(await page.locator('h1').innerText()).toBe('阿里雲還是阿里巴巴的那朵雲');
    expect(await stylesheet(page)).toBe(oldStylesheet);
    expect(await headingColour(page)).toBe(oldColour);
    expect(await page.evaluate(() => document.styleSheets[0]?.cssRules.length ?? 0)).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('with URL_FORMAT=file', () => {
  it('reads a kept article offline and answers other pages with offline.html', async () => {
    const site = await serve(inject('distFile'));
    const article = `${site.url}articles/${ARTICLE_ID}.html`;
    const { context, page, problems } = await open(article);
    await controlled(page);
    await expect.poll(() => keptUrls(page), { timeout: 10_000 }).toContain(article);
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('阿里云还是阿里巴巴的那朵云');
    await page.goto(`${site.url}sections/us-stocks.html`);
    expect(await page.locator('h1').innerText()).toBe('这一页还没有保存到本机');
    await expect.poll(() => page.locator('.yd-offline li a').getAttribute('href')).toBe(article);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('when offline reading is not possible', () => {
  it('a service worker that fails to install leaves the site working online', async () => {
    // A shell file missing on the host: installing fails, as it would on a broken deploy.
    const broken = path.join(tmp, 'broken');
    await cp(inject('distRoot'), broken, { recursive: true });
    await rm(path.join(broken, 'offline/index.html'));
    const site = await serve(broken);
    const { context, page, problems } = await open(`${site.url}articles/${ARTICLE_ID}/`);
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !registration?.installing;
    }, null, { timeout: 10_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await page.locator('.yd-toc a').nth(1).click();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('');
    await page.goto(site.url);
    expect(await page.locator('.yd-article-list li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with storage and service workers refused (private modes), reading works and nothing throws', async () => {
    const site = await serve(inject('distRoot'));
    const { context, page, problems } = await open(`${site.url}articles/${ARTICLE_ID}/`, (c) =>
      c.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
        ServiceWorkerContainer.prototype.register = () => Promise.reject(new DOMException('denied', 'SecurityError'));
      }),
    );
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(await page.locator('.yd-prose p').count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await context.close();
  });
});
