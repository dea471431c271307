import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { ARTICLE_ID, listFiles } from '../support/dist.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
const servers: Record<string, StaticServer> = {};
beforeAll(async () => {
  browser = await launchBrowser();
  servers['root'] = await serveStatic(inject('distRoot'));
  servers['news'] = await serveStatic(inject('distNews'), '/news/');
  servers['file'] = await serveStatic(inject('distFile'), '/', { dirIndex: false });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

interface Watch {
  problems: string[];
  hosts: Set<string>;
}

/** A page that records CSP violations, console errors, uncaught errors and every host it contacts. */
async function watchedPage(): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const watch: Watch = { problems: [], hosts: new Set() };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => watch.hosts.add(new URL(request.url()).host));
  return { page, watch };
}

describe.each(['root', 'news', 'file'])('every page of the %s build', (name) => {
  it('loads with 0 CSP violations, 0 console errors and 0 requests to other hosts', async () => {
    const server = servers[name] as StaticServer;
    const dist = inject(name === 'root' ? 'distRoot' : name === 'news' ? 'distNews' : 'distFile');
    const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
    const { page, watch } = await watchedPage();
    for (const file of pages) {
      const path = name === 'file' ? file : file.replace(/index\.html$/, '');
      await page.goto(server.url + path);
      await page.waitForLoadState('networkidle');
    }
    expect(watch.problems).toEqual([]);
    expect([...watch.hosts]).toEqual([new URL(server.url).host]);
    await page.context().close();
  });

  it('searching, following a result and changing the theme stay inside the policy', async () => {
    const server = servers[name] as StaticServer;
    const { page, watch } = await watchedPage();
    await page.goto(server.url + (name === 'file' ? 'index.html' : ''));
    await page.click('#yd-header-q');
    await page.keyboard.type('阿里雲');
    await page.waitForSelector('#yd-search-panel:not([hidden]) .yd-search-results[aria-busy="false"]', { state: 'attached' });
    await page.locator('#yd-search-panel .yd-hit-link').nth(1).click();
    await page.waitForURL(/highlight=/);
    expect(new URL(page.url()).pathname).toBe(
      `${new URL(server.url).pathname}articles/${ARTICLE_ID}${name === 'file' ? '.html' : '/'}`,
    );
    await expect.poll(() => page.locator('.yd-prose mark').count()).toBeGreaterThan(0);
    await page.selectOption('select[data-yd-pref="theme"]', 'dark');
    await page.click('a.yd-script-switch');
    await page.waitForURL(/zh-hant/);
    expect(watch.problems).toEqual([]);
    expect([...watch.hosts]).toEqual([new URL(server.url).host]);
    await page.context().close();
  });
});
