import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/lib/publish/security.ts';
import { launchBrowser, PHONE } from '../support/browser.ts';
import { ARTICLE_ID, listFiles } from '../support/dist.ts';
import { caddy, nginx, readmeBlocks, startServer, type RunningServer, type ServerKind } from '../support/web-server.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  body: Buffer;
}

/** One GET with the given Accept-Encoding, bytes as they crossed the wire (no decoding). */
function get(url: string, encoding = 'identity'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function expectSecurityHeaders(response: Raw, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const CASES: { name: string; dist: 'distNews' | 'distRoot'; base: string; server: (dist: string) => ServerKind; encodings: string[] }[] = [
  { name: 'nginx at /news/', dist: 'distNews', base: '/news/', server: (d) => nginx(d), encodings: ['br', 'gzip'] },
  { name: 'Caddy at /news/', dist: 'distNews', base: '/news/', server: (d) => caddy(d), encodings: ['gzip', 'zstd'] },
  { name: 'nginx at the root (the one-line change)', dist: 'distRoot', base: '/', server: (d) => nginx(d, { root: true }), encodings: ['br', 'gzip'] },
  { name: 'Caddy at the root (no change)', dist: 'distRoot', base: '/', server: (d) => caddy(d), encodings: ['gzip'] },
];

describe.each(CASES)('$name, with the README recipe as written', ({ dist: key, base, server: kind, encodings }) => {
  const dist = inject(key);
  let server: RunningServer;
  const url = (file: string) => `${server.origin}${base}${file}`;
  beforeAll(async () => {
    server = await startServer(kind(dist));
  });
  afterAll(() => server?.stop());

  it('serves every built page as text/html with the security headers, revalidated', async () => {
    const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const file of pages) {
      const response = await get(url(file.replace(/index\.html$/, '')));
      expect(response.status, file).toBe(200);
      expect(response.headers['content-type'], file).toMatch(/^text\/html/);
      expectSecurityHeaders(response, file);
      expect(response.headers['cache-control'], file).toBe('no-cache');
    }
    server.assertAlive();
  });

  it('serves scripts as JavaScript and hashed assets with a year-long immutable cache', async () => {
    const assets = (await listFiles(path.join(dist, '_astro'))).map((f) => `_astro/${f}`);
    const scripts = assets.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of [...scripts, ...assets.filter((f) => f.endsWith('.css'))]) {
      const response = await get(url(file));
      expect(response.status, file).toBe(200);
      expect(response.headers['content-type'], file).toMatch(file.endsWith('.js') ? /^(?:text|application)\/javascript/ : /^text\/css/);
      expect(response.headers['cache-control'], file).toBe(IMMUTABLE);
      expectSecurityHeaders(response, file);
    }
  });

  it('serves Pagefind: entry files revalidated, hashed index and fragments cached for a year, the wasm whole', async () => {
    const files = (await listFiles(path.join(dist, 'pagefind'))).map((f) => `pagefind/${f}`);
    for (const file of files) {
      const response = await get(url(file));
      expect(response.status, file).toBe(200);
      expect(response.bytes, file).toBeGreaterThan(0);
      const hashed = /\.pf_(?:meta|index|fragment|filter)$/.test(file);
      expect(response.headers['cache-control'], file).toBe(hashed ? IMMUTABLE : 'no-cache');
      // Pagefind's gzipped files go out as stored, marked gzip, so the browser unpacks them
      // natively instead of Pagefind's JavaScript; nothing else is marked so without being packed.
      const packed = hashed || /(?:^|\/)wasm\.[\w-]+\.pagefind$/.test(file);
      expect(response.headers['content-encoding'], file).toBe(packed ? 'gzip' : undefined);
      if (packed) expect(response.body.equals(await readFile(path.join(dist, file))), file).toBe(true);
    }
    expect(files.some((f) => /wasm\.[\w-]+\.pagefind$/.test(f))).toBe(true);
    const manifest = await get(url('manifest.webmanifest'));
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    // The service worker must be JavaScript, and revalidated so a new build reaches readers at once.
    const worker = await get(url('sw.js'));
    expect(worker.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    // Text that is not HTML has no <meta> to name its encoding: the header must.
    expect((await get(url('robots.txt'))).headers['content-type']).toMatch(/^text\/plain; charset=utf-8$/i);
    expect((await get(url('pagefind/pagefind.js'))).headers['content-type']).toMatch(/javascript/);
  });

  it('answers a missing page with the 404 page and status 404, and never serves its own config', async () => {
    for (const missing of ['no/such/page/', 'articles/nope', '_nginx.conf', '_caddy', '_headers']) {
      const response = await get(url(missing));
      expect(response.status, missing).toBe(404);
      expect(response.headers['content-type'], missing).toMatch(/^text\/html/);
      expect(response.body.toString('utf8'), missing).toContain('页面不存在');
      expectSecurityHeaders(response, missing);
    }
  });

  it('compresses HTML (its stylesheet inside) and JavaScript', async () => {
    const page = `articles/${ARTICLE_ID}/`;
    const plain = await get(url(page));
    for (const encoding of encodings) {
      const packed = await get(url(page), encoding);
      expect(packed.headers['content-encoding'], encoding).toBe(encoding);
      expect(packed.bytes, encoding).toBeLessThan(plain.bytes / 2);
    }
    // The stylesheet travels inside each page; the scripts are files of their own.
    const script = (await listFiles(path.join(dist, '_astro'))).find((f) => f.endsWith('.js')) ?? '';
    expect(script).not.toBe('');
    expect((await get(url(`_astro/${script}`), encodings[0])).headers['content-encoding']).toBe(encodings[0]);
  });

  it('lets a reader search in Chromium with no console error', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${url('search/')}?q=${encodeURIComponent('云栖大会')}`);
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await page.locator('.yd-result-title a').allInnerTexts()).toEqual(['阿里云还是阿里巴巴的那朵云']);
    await page.locator('.yd-hits a').first().click();
    await page.waitForSelector('mark');
    expect(problems).toEqual([]);
    await context.close();
    server.assertAlive();
  });

  it('keeps search working offline from the offline worker’s copies of the index it was sent gzip-encoded', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const search = `${url('search/')}?q=${encodeURIComponent('云栖大会')}`;
    const titles = async () => {
      await page.waitForSelector('#yd-search-results[aria-busy="false"] .yd-result');
      return page.locator('.yd-result-title a').allInnerTexts();
    };
    await page.goto(search);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Searched again under the worker's control, so it keeps the index files it passes on.
    await page.reload();
    expect(await titles()).toEqual(['阿里云还是阿里巴巴的那朵云']);
    await context.setOffline(true);
    await page.reload();
    expect(await titles()).toEqual(['阿里云还是阿里巴巴的那朵云']);
    await context.close();
  });
});

describe.each([
  ['nginx', nginx],
  ['Caddy', caddy],
] as const)('%s, with the README recipe, on a site with tags', (_, kind) => {
  it('serves a tag page at its Chinese address, and the link on the article leads there', async () => {
    const dist = inject('distPictures');
    const server = await startServer(kind(dist));
    try {
      const article = (await get(`${server.origin}/news/articles/data-center-day/`)).body.toString('utf8');
      const href = /<a href="([^"]+)" rel="tag">数据中心<\/a>/.exec(article)?.[1] ?? '';
      expect(href).toBe('/news/tags/数据中心/');
      // As a browser asks for it: the path percent-encoded.
      const tag = await get(new URL(href, server.origin).href);
      expect(tag.status).toBe(200);
      expect(tag.body.toString('utf8')).toMatch(/<h1[^>]*>标签：数据中心<\/h1>/);
      server.assertAlive();
    } finally {
      await server.stop();
    }
  });
});

describe('the recipes themselves', () => {
  it('the README holds one nginx block and one Caddyfile block, whose only host-specific words are the folder and the host name', () => {
    const [nginxBlock, ...moreNginx] = readmeBlocks('nginx');
    const [caddyBlock, ...moreCaddy] = readmeBlocks('caddyfile');
    expect(moreNginx).toEqual([]);
    expect(moreCaddy).toEqual([]);
    for (const block of [nginxBlock ?? '', caddyBlock ?? '']) {
      expect(block).toContain('/srv/yuedu/dist');
      expect(block).toContain('news.example.com');
      expect(block).not.toMatch(/Content-Security-Policy|sha256-|types \{/);
    }
  });

  it('a recipe the server refuses fails with the server’s own message', async () => {
    const broken: ServerKind = { ...nginx(inject('distNews')), config: (port) => `events {}\nhttp { server { listen 127.0.0.1:${port}; location / { alias; } } }` };
    await expect(startServer(broken)).rejects.toThrow(/nginx did not start[\s\S]*\[emerg\][\s\S]*alias/);
  });

  it('a port already in use is retried on another', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as { port: number };
    const server = await startServer(nginx(inject('distNews')), { port });
    try {
      expect(server.origin).not.toBe(`http://127.0.0.1:${port}`);
      expect((await get(`${server.origin}/news/`)).status).toBe(200);
    } finally {
      await server.stop();
      squatter.close();
    }
  });

  it('a server that dies mid-test fails with its log', async () => {
    const server = await startServer(caddy(inject('distNews')));
    await server.stop();
    expect(() => server.assertAlive()).toThrow(/caddy died \(/);
  });
});
