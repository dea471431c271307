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
/** An editor's note, a correction, a role and an author's name and bio, each carrying markup and a javascript: link. */
const NOTE = '编者按<img src=x onerror=alert(6)>与[链接](javascript:alert(7))';
const FIX = '更正<script>alert(8)</script>';
const ROLE = '记者<b onclick=x>';
const AUTHOR = '---\nname: "作者<img src=x onerror=alert(9)>"\ntitle: "<script>alert(10)</script>"\n---\n\n简介<iframe src=javascript:alert(11)></iframe>。\n';

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
  await mkdir(path.join(content, 'authors'), { recursive: true });
  await writeFile(path.join(content, 'authors', 'bad-actor.md'), AUTHOR);
  const front = [
    `title: ${JSON.stringify(TITLE)}`,
    'section: "美股新闻"',
    `authors: [{ name: bad-actor, role: ${JSON.stringify(ROLE)} }]`,
    `editor_note: ${JSON.stringify(NOTE)}`,
    `corrections: [{ date: 2024-01-02, text: ${JSON.stringify(FIX)} }]`,
  ].join('\n');
  await writeFile(path.join(content, 'articles', 'hostile.md'), `---\n${front}\n---\n\n${BODY}`);
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
    // The editors' and the byline's words too: text, and the note's javascript: link no link at all.
    expect(doc.querySelector('.yd-editor-note')?.textContent).toContain('编者按<img src=x onerror=alert(6)>与');
    expect(doc.querySelector('.yd-editor-note a')).toBeNull();
    expect(doc.querySelector('#yd-corrections li')?.textContent).toContain(FIX);
    expect(doc.querySelector('.yd-byline')?.textContent).toBe(`${ROLE} 作者<img src=x onerror=alert(9)>`);
  });

  it('an author page shows a hostile name, title and bio as text', async () => {
    const html = await read('authors/bad-actor/index.html');
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe('作者<img src=x onerror=alert(9)>');
    expect(doc.querySelectorAll('main img, main iframe, main script')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+="/);
    // The bio's teaser may carry "<iframe" as an attribute's text (the description); never as an element.
    expect(doc.querySelectorAll('iframe')).toHaveLength(0);
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
    // The body's markup and the editor's note (searchable too) come back as text.
    const excerpts = (await page.locator('.yd-hit-excerpt').allInnerTexts()).join('\n');
    expect(excerpts).toContain('<img src=x onerror="alert(2)">');
    expect(excerpts).toContain('<img src=x onerror=alert(6)>');
    expect(await page.locator('#yd-search-results img').count()).toBe(0);
    await page.locator('.yd-hit-link').first().click();
    await page.waitForURL(/highlight=/);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
