import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * One browser per test file, and the root build served on loopback; both are
 * ready in every test and closed after the file.
 */
export function useSite(): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject('distRoot'))]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('browser used outside a test');
      return browser;
    },
    get server() {
      if (!server) throw new Error('server used outside a test');
      return server;
    },
  };
}
