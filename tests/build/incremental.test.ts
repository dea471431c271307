import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, rareTerm, writeCorpus } from '../../scripts/lib/corpus.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, ROOT, type BuildOptions, type BuildResult } from '../support/build-site.ts';
import { listFiles } from '../support/dist.ts';
import { rssProblems } from '../support/rss-rules.ts';
import { copyProject } from '../support/project-copy.ts';
import { searchPage } from '../support/search-page.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// A small newsroom in segments of 20 articles, as a large one is in segments of 5,000.
const N = 45;
const SITE = 'https://news.example/';
const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-incremental-'));
const content = path.join(tmp, 'content');
const dist = path.join(tmp, 'dist');
const options: BuildOptions = { outDir: dist, contentDir: content, cacheDir: path.join(tmp, 'cache'), indexBatch: 20, site: SITE };
let source = '';
let browser: Browser;
let server: StaticServer;
/** The daily rebuild's output. */
let daily: BuildResult;
/** Each article page of the first build: its bytes' hash. */
let firstPages: Map<string, string>;

const EDITED = 5;
const DELETED = 20;
/** The word the correction puts where rareTerm(EDITED) was: in no other article. */
const CORRECTED = rareTerm(500);
const slug = (k: number) => `a-${String(k).padStart(2, '0')}`;

async function build(extra: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const result = await buildSite({ ...options, ...extra });
  if (result.code !== 0) throw new Error(result.output);
  return result;
}

/** Every article page of the built site ("/articles/a-01/index.html") with a hash of its bytes. */
async function articlePages(): Promise<Map<string, string>> {
  const files = (await listFiles(dist)).filter((f) => f.startsWith('articles/') && f.endsWith('.html'));
  return new Map(await Promise.all(files.map(async (f) => [`/${f}`, createHash('sha256').update(await readFile(path.join(dist, f))).digest('hex')] as const)));
}

/** A fingerprint of every file in the site. */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await listFiles(dir)).sort()) hash.update(file).update(await readFile(path.join(dir, file)));
  return hash.digest('hex');
}

/** The article links a search for `term` shows, and its status line. */
const search = (term: string) => searchPage(browser, server.url, term);

const listed = async (file: string) =>
  parse(await readFile(path.join(dist, file), 'utf8'))
    // On the front page: its lead, then its latest.
    .querySelectorAll('.yd-lead h3 a, .yd-front-latest > .yd-article-list h3 a, main > .yd-article-list h2 a')
    .map((a) => a.getAttribute('href') ?? '');

/** This newsroom's feeds carry summaries, not full text (site.json feeds.full_text: false). */
async function summariesOnly(): Promise<void> {
  const file = path.join(content, 'site.json');
  const site = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...site, feeds: { full_text: false } }));
}

beforeAll(async () => {
  const seed = await readFile(path.join(ROOT, 'content/articles/ali-yun-haishi-alibaba-de-na-duo-yun.md'), 'utf8');
  source = seed.slice(seed.indexOf('\n---\n') + 5);
  await writeCorpus(content, { articles: N, source });
  await summariesOnly();
  await build();
  firstPages = await articlePages();
  // A day in the newsroom: three new articles, a correction to an old one, one taken down.
  await writeCorpus(content, { articles: N + 3, from: N, source, digits: 2 });
  await summariesOnly();
  const edited = corpusFile(content, EDITED, 2);
  await writeFile(edited, (await readFile(edited, 'utf8')).replace(rareTerm(EDITED), CORRECTED));
  await rm(corpusFile(content, DELETED, 2));
  daily = await build();
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('a daily rebuild', () => {
  it('copies unchanged article pages and index segments from the last build instead of making them again', async () => {
    const restored = new Set([...daily.output.matchAll(/(\/articles\/\S+?\.html) \(restored\)/g)].map((m) => m[1] ?? ''));
    const now = await articlePages();
    // A page is copied exactly when it would come out the same: its text, neighbours, series and related
    // reading unchanged. Pages made again are the new and edited ones and those whose links changed.
    const same = [...now].filter(([file, hash]) => firstPages.get(file) === hash).map(([file]) => file);
    expect([...restored].sort()).toEqual(same.sort());
    // 45 articles, two pages each; a day's three new articles enter many related lists of so small an archive.
    expect(restored.size).toBeGreaterThan(20);
    expect(daily.output).toMatch(/indexed \d+ page\(s\) in \d+ segment\(s\): [1-9]\d* reused, [1-9] written/);
    // The segments written hold only the new and edited articles and the old tail: 4 of 47.
    const written = [...daily.output.matchAll(/segment seg-\w+: (\d+) article\(s\)/g)].map((m) => Number(m[1]));
    expect(written.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
  });

  it('shows the new articles on the home page, in the feed, the sitemap and search', async () => {
    expect((await listed('index.html'))[0]).toMatch(new RegExp(`/articles/a-4[5-7]/`));
    const feed = await readFile(path.join(dist, 'rss.xml'), 'utf8');
    const sitemap = (await listFiles(dist)).filter((f) => f.startsWith('sitemap')).map((f) => path.join(dist, f));
    const maps = (await Promise.all(sitemap.map((f) => readFile(f, 'utf8')))).join('');
    for (const k of [45, 46, 47]) {
      expect(existsSync(path.join(dist, `articles/${slug(k)}/index.html`))).toBe(true);
      expect(feed).toContain(`${SITE}articles/${slug(k)}/`);
      expect(maps).toContain(`${SITE}articles/${slug(k)}/`);
    }
    const found = await search(rareTerm(47));
    expect(found.status).toMatch(new RegExp(`^找到 1 篇包含“${rareTerm(47)}”`));
    expect(found.links).toEqual([`/articles/${slug(47)}/`]);
  });

  it('keeps feeds to summaries when the site says feeds.full_text: false, and then lists up to 50', async () => {
    const xml = await readFile(path.join(dist, 'rss.xml'), 'utf8');
    expect(rssProblems(xml, `${SITE}rss.xml`)).toEqual([]);
    const feed = parseFeed(xml);
    expect(feed.items.length).toBe(N + 3 - 1);
    expect(xml).not.toContain('content:encoded');
    for (const item of feed.items) expect(item.description ?? '', item.title ?? '').toMatch(/^[^<]{6,}$/);
    const section = await readFile(path.join(dist, 'sections/tech/rss.xml'), 'utf8');
    expect(parseFeed(section).items.length).toBeGreaterThan(0);
    expect(section).not.toContain('content:encoded');
  });

  it('finds the corrected article by its new words and no longer by the ones removed', async () => {
    expect(await readFile(path.join(dist, `articles/${slug(EDITED)}/index.html`), 'utf8')).toContain(CORRECTED);
    const now = await search(CORRECTED);
    expect(now.status).toMatch(new RegExp(`^找到 1 篇包含“${CORRECTED}”`));
    expect(now.links).toEqual([`/articles/${slug(EDITED)}/`]);
    // Its words apart may still match other articles (and it), but no article holds the old term.
    expect((await search(rareTerm(EDITED))).status).toMatch(new RegExp(`^没有(?:文章完整包含|找到与)“${rareTerm(EDITED)}”`));
    // Its old version is still in its old segment, hidden by id: not counted either.
    const parts = JSON.parse(await readFile(path.join(dist, 'pagefind/yuedu-parts.json'), 'utf8'));
    expect(parts.dropped['zh-cn'].length).toBeGreaterThanOrEqual(1);
  });

  it('removes a deleted article from its pages, every listing, the feed, the sitemap and search', async () => {
    const gone = `/articles/${slug(DELETED)}/`;
    expect(existsSync(path.join(dist, gone, 'index.html'))).toBe(false);
    expect(existsSync(path.join(dist, gone, 'zh-hant/index.html'))).toBe(false);
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
      expect(await readFile(path.join(dist, file), 'utf8'), file).not.toContain(gone);
    }
    const found = await search(rareTerm(DELETED));
    expect(found.links).not.toContain(gone);
    expect(found.status).toMatch(new RegExp(`^没有(?:文章完整包含|找到与)“${rareTerm(DELETED)}”`));
  });
});

describe('faults', () => {
  it('a build killed halfway leaves dist/ as it was, and the next build is whole and says why it rebuilds everything', async () => {
    const before = await fingerprint(dist);
    const edited = corpusFile(content, 30, 2);
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(rareTerm(30), rareTerm(501)));
    let pid = 0;
    const killed = buildSite({ ...options, onStart: (p) => (pid = p) });
    // Wait until it renders pages, then stop it and the astro build it runs.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(`${dist}.building/articles`) || existsSync(`${dist}.building/index.html`)) {
          clearInterval(timer);
          process.kill(-pid, 'SIGKILL');
          resolve();
        }
      }, 20);
    });
    expect((await killed).code).not.toBe(0);
    expect(await fingerprint(dist)).toBe(before);
    const next = await build();
    expect(next.output).toMatch(/last build using .* was interrupted; building everything once/);
    expect(next.output).toMatch(/0 reused/);
    expect((await search(rareTerm(501))).links).toEqual([`/articles/${slug(30)}/`]);
  }, 240_000);

  it('a corrupted cache is reported and ignored: a full build, then incremental again', async () => {
    await writeFile(path.join(options.cacheDir ?? '', 'yuedu-index/manifest.json'), '{"version": 1, "segm');
    await writeFile(path.join(options.cacheDir ?? '', 'incremental-build.json'), 'garbage');
    const repaired = await build();
    expect(repaired.output).toMatch(/incremental-build\.json is not a readable page cache; rendering every page/);
    expect(repaired.output).not.toMatch(/\(restored\)/);
    expect(repaired.output).toMatch(/yuedu-index\/manifest\.json is not readable JSON/);
    expect(repaired.output).toMatch(/0 reused/);
    expect((await search(CORRECTED)).links).toEqual([`/articles/${slug(EDITED)}/`]);
    const again = await build();
    expect(again.output).toMatch(/[1-9]\d* reused, 0 written/);
    expect(again.output.split('\n').filter((line) => line.includes('(restored)')).length).toBeGreaterThan(80);
  }, 240_000);

  it('--full renders and indexes everything', async () => {
    const full = await build({ full: true });
    expect(full.output).toMatch(/--full: rendering and indexing everything/);
    expect(full.output).toMatch(/0 reused/);
    expect(full.output).not.toMatch(/\(restored\)/);
  }, 240_000);
});

describe('a change of code', () => {
  it('re-renders every article page it affects, though no article changed', async () => {
    const project = await copyProject(path.join(tmp, 'project'));
    // Inside the copy: Astro's prerender chunks resolve packages from the output folder up.
    const out = path.join(project, 'dist');
    const copy: BuildOptions = { outDir: out, root: project, contentDir: content, cacheDir: path.join(tmp, 'project-cache'), indexBatch: 20 };
    /** What each article page says of its length and reading time. */
    const readingTimes = async () =>
      Promise.all(
        (await listFiles(out))
          .filter((file) => /^articles\/a-\d+\/index\.html$/.test(file))
          .map(async (file) => /<span>([\d,]+) 字<\/span><span>阅读约 (\d+) 分钟<\/span>/.exec(await readFile(path.join(out, file), 'utf8'))?.slice(1) ?? []),
      );
    const first = await buildSite(copy);
    expect(first.code, first.output).toBe(0);
    const before = await readingTimes();
    expect(before.length).toBeGreaterThan(40);
    for (const [chars, minutes] of before) expect(Number(minutes)).toBe(Math.max(1, Math.ceil(Number(chars?.replace(/,/g, '')) / 400)));
    // A slower reading pace, in a module the pages import.
    const meta = path.join(project, 'src/lib/render/article-meta.ts');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace('const CHARS_PER_MINUTE = 400;', 'const CHARS_PER_MINUTE = 200;'));
    const again = await buildSite(copy);
    expect(again.code, again.output).toBe(0);
    const after = await readingTimes();
    expect(after).toHaveLength(before.length);
    for (const [chars, minutes] of after) expect(Number(minutes)).toBe(Math.max(1, Math.ceil(Number(chars?.replace(/,/g, '')) / 200)));
    expect(again.output).not.toMatch(/\(restored\)/);
  }, 240_000);
});
