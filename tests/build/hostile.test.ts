import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const TITLE = '标题</script><script>alert("t")</script>]]><img src=x onerror=alert(1)>';
const BODY = [
  '开头<script>alert("b")</script>正文。',
  '',
  '图片<img src=x onerror="alert(2)">和[链接](javascript:alert(3))，还有 <a href="javascript:alert(4)">HTML 链接</a>。',
  '',
  '## 小节 <script>alert(5)</script>',
  '',
  '结尾 ]]> 与 </script> 与 <!-- 注释 --> 与 &lt;已转义&gt;。',
  '',
].join('\n');

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-hostile-'));
const dist = path.join(tmp, 'dist');
let build: { code: number | null; output: string };
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  const content = path.join(tmp, 'content');
  await mkdir(path.join(content, 'articles'), { recursive: true });
  await writeFile(path.join(content, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }]));
  await writeFile(path.join(content, 'site.json'), JSON.stringify({ name: '阅读', description: '测试', publisher: '<b>出版</b>' }));
  await writeFile(path.join(content, 'articles', 'hostile.md'), `---\ntitle: ${JSON.stringify(TITLE)}\nsection: "美股新闻"\n---\n\n${BODY}`);
  build = await buildSite({ outDir: dist, contentDir: content, site: 'https://example.com' });
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(dist, file), 'utf8');

describe('hostile text in a content file', () => {
  it('builds', () => {
    expect(build.output).toContain('1 article(s): ');
    expect(build.code).toBe(0);
  });

  it('shows as text on the page: no element, handler or javascript: link comes from it', async () => {
    const html = await read('articles/hostile/index.html');
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe(TITLE);
    expect(doc.querySelectorAll('script:not([src])').map((s) => s.getAttribute('type') ?? 'inline')).toEqual(['inline', 'application/ld+json']);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/\son[a-z]+="/);
    expect(doc.querySelector('.yd-prose')?.textContent).toContain('图片<img src=x onerror="alert(2)">和');
  });

  it('stays inside its JSON-LD block, intact as data', async () => {
    const doc = parse(await read('articles/hostile/index.html'));
    const block = doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
    expect(block).not.toMatch(/<\/script|<!--|]]>/i);
    const data = JSON.parse(block) as { headline: string; publisher: { name: string } };
    expect(data.headline).toBe(TITLE);
    expect(data.publisher.name).toBe('<b>出版</b>');
  });

  it('is escaped in the RSS feed', async () => {
    const rss = await read('rss.xml');
    expect(rss).not.toMatch(/<script|<img|]]>/);
    expect(rss).toContain('&lt;script&gt;');
  });

  it('is found by search as text and runs nothing', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}search/?q=onerror`);
    await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
    expect(await page.locator('.yd-hit-excerpt').first().innerText()).toContain('<img src=x onerror="alert(2)">');
    expect(await page.locator('#yd-search-results img').count()).toBe(0);
    await page.locator('.yd-hit-link').first().click();
    await page.waitForURL(/highlight=/);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
