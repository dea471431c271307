import type { Browser } from 'playwright-core';
import { PHONE } from '../../tests/support/browser.ts';
import { readFile } from 'node:fs/promises';
import { accessLogOf, type RunningServer } from '../../tests/support/web-server.ts';

export interface FirstVisit {
  /** Response bodies as the host sent them (compressed) until the network is idle: what the build test sums too. */
  bytes: number;
  /** Response headers on top of them. */
  headers: number;
  /** Every path sent, with its body's bytes. */
  files: string[];
}

/**
 * A reader's whole first visit to a page, counted where it is sent: the host
 * (nginx with the README's recipe, `accessLog` on) logs every response, the
 * page, what it loads, and after the load event the service worker and
 * everything it precaches, until nothing more is asked for. A file the worker
 * finds in the browser's cache costs nothing and is not counted, as on a
 * phone. tests/build/offline.test.ts asserts the same total from built bytes.
 */
export async function firstVisit(browser: Browser, host: RunningServer, pagePath: string): Promise<FirstVisit> {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'allow' });
  const log = async () => readFile(accessLogOf(host), 'utf8').catch(() => '');
  const from = (await log()).length;
  try {
    const page = await context.newPage();
    await page.goto(`${host.origin}${pagePath}`, { waitUntil: 'load' });
    // The worker registers once the page has loaded, then installs (its precache) and activates.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
  } finally {
    await context.close();
  }
  const sent = (await log())
    .slice(from)
    .split('\n')
    .flatMap((line) => {
      const [, file = '', body = '0', all = '0'] = /^sent (\S+) (\d+) (\d+)$/.exec(line.trim()) ?? [];
      return file ? [{ file, body: Number(body), all: Number(all) }] : [];
    });
  return {
    bytes: sent.reduce((sum, s) => sum + s.body, 0),
    headers: sent.reduce((sum, s) => sum + s.all - s.body, 0),
    files: sent.map((s) => `${s.file} ${s.body}`),
  };
}
