import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject, type ProvidedContext } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * One browser per test file, and a shared build (the root one unless said,
 * under its base path) served on loopback; both are ready in every test and
 * closed after the file.
 */
export function useSite(build: keyof ProvidedContext = 'distRoot', base = '/'): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject(build), base)]);
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
