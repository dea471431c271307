import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toHant } from '../../src/lib/render/hant.ts';
import { slugFromTitle } from '../../src/lib/content/slug.ts';
import { PICTURE_FIXTURE } from '../support/picture-site.ts';
import { runImport as runImportAsync } from '../support/run-import.ts';
import { portalPage, STORY } from '../support/portal-page.ts';

let tmp: string;
let content: string;
const articles = () => path.join(content, 'articles');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-webimport-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));
beforeEach(async () => {
  content = path.join(tmp, `content-${Math.random().toString(36).slice(2)}`);
  await mkdir(articles(), { recursive: true });
  await writeFile(path.join(content, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }]));
});

const runImport = (...args: string[]) => runImportAsync({ cwd: tmp, content }, ...args);

const paragraph = (i: number) =>
  `<p>第${i}段：记者在现场看到，排队的市民一直延伸到街角。多位受访者表示，这一变化在过去几个月里逐渐显现，影响了许多家庭的日常安排，地方政府也开始重新评估相关政策。</p>`;
const prose = (n: number) => Array.from({ length: n }, (_, i) => paragraph(i + 1)).join('');

function newsPage({ title = '地铁新线今日开通', head = '', body = '' } = {}) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_城市_示例网</title>${head}</head><body>
<nav><a href="/">首页</a><a href="/city/">城市</a></nav><article><h1>${title}</h1>${body || prose(6)}</article>
<footer>示例网版权所有</footer></body></html>`;
}

async function writePage(name: string, text: string | Buffer): Promise<string> {
  const file = path.join(tmp, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

const sections = async () => JSON.parse(await readFile(path.join(content, 'sections.json'), 'utf8')) as { slug: string; name: string }[];

describe('npm run import with a saved web page', () => {
  it('copies the pictures saved with the page beside index.md, under stable names, with their captions', async () => {
    const dir = path.join(tmp, 'saved');
    await mkdir(path.join(dir, 'page_files'), { recursive: true });
    await cp(path.join(PICTURE_FIXTURE, 'yunqi-hall.jpg'), path.join(dir, 'page_files', 'hall.jpg'));
    const body = `${prose(3)}<figure><img src="page_files/hall.jpg" alt="开通仪式现场"><figcaption>开通仪式现场，上午九点</figcaption></figure>${prose(3)}`;
    const file = await writePage('saved/page.html', newsPage({ body, head: '<meta property="article:section" content="美股新闻">' }));
    const { code, stdout } = await runImport(file);
    expect(code).toBe(0);
    const folder = path.join(articles(), 'ditie-xin-xian-jinri-kaitong');
    const files = await readdir(folder);
    expect(files).toHaveLength(2);
    const picture = files.find((f) => f !== 'index.md') ?? '';
    expect(picture).toMatch(/^p-[0-9a-f]{10}\.jpg$/);
    expect(await readFile(path.join(folder, picture))).toEqual(await readFile(path.join(PICTURE_FIXTURE, 'yunqi-hall.jpg')));
    expect(await readFile(path.join(folder, 'index.md'), 'utf8')).toContain(`![开通仪式现场](./${picture} "开通仪式现场，上午九点")`);
    expect(stdout).toMatch(/\| .*page\.html \| ditie-xin-xian-jinri-kaitong \| 地铁新线今日开通 \| 6 \| 0 \| 1\/0 \| Readability \|/);
    // Nothing half-written is left beside it.
    expect((await readdir(articles())).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('links a remote picture it was not asked to fetch, and says so', async () => {
    const file = await writePage('remote.html', newsPage({ body: `${prose(3)}<p><img src="https://img.example.cn/a.jpg" alt="远方的图"></p>${prose(3)}`, head: '<meta property="article:section" content="美股新闻">' }));
    const { code, stderr } = await runImport(file);
    expect(code).toBe(0);
    const text = await readFile(path.join(articles(), 'ditie-xin-xian-jinri-kaitong.md'), 'utf8');
    expect(text).toContain('[远方的图](https://img.example.cn/a.jpg)');
    expect(text).not.toContain('![远方的图]');
    expect(stderr).toContain('picture not brought local (remote (pass --fetch-images to download it)): https://img.example.cn/a.jpg');
  });

  it('reads GBK and Big5 pages by their declared charset, and keeps a Big5 page in traditional characters', async () => {
    const gbk = await writePage('gbk.html', iconv.encode(newsPage({ head: '<meta charset="gbk"><meta property="article:section" content="美股新闻">' }).replace('<meta charset="utf-8">', ''), 'gbk'));
    const traditional = newsPage({ title: '捷運新線今日通車', body: toHant(prose(6)) }).replace('<meta charset="utf-8">', '<meta charset="big5">').replace('lang="zh-CN"', 'lang="zh-TW"');
    const big5 = await writePage('big5.html', iconv.encode(traditional, 'big5'));
    expect((await runImport(gbk)).code).toBe(0);
    expect(await readFile(path.join(articles(), 'ditie-xin-xian-jinri-kaitong.md'), 'utf8')).toContain('排队的市民一直延伸到街角');
    const { code } = await runImport(big5, '--section', '美股新闻');
    expect(code).toBe(0);
    const text = await readFile(path.join(articles(), `${slugFromTitle('捷運新線今日通車')}.md`), 'utf8');
    expect(text).toContain('title: "捷運新線今日通車"');
    expect(text).toContain('lang: "zh-Hant"');
    expect(text).toContain('記者在現場');
  });

  it('adds a section the site lacks, with a pinyin slug, and says so; --no-new-section refuses instead', async () => {
    const file = await writePage('hk.html', newsPage({ head: '<meta property="article:section" content="港股新闻">' }));
    const refused = await runImport(file, '--no-new-section');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('section "港股新闻" is not in sections.json');
    expect(await sections()).toHaveLength(1);
    const { code, stdout } = await runImport(file);
    expect(code).toBe(0);
    const slug = slugFromTitle('港股新闻');
    expect(slug).toMatch(/^gang-?gu-xinwen$/);
    expect(stdout).toContain(`added section "港股新闻" (${slug}) to sections.json`);
    expect(await sections()).toEqual([{ slug: 'us-stocks', name: '美股新闻' }, { slug, name: '港股新闻' }]);
  });

  it('adds the section a text scrape’s breadcrumb names too', async () => {
    const scrape = await writePage('scrape.txt', '首页 > 港股新闻 > 正文\n恒指收涨\n123 456\n  恒生指数今日收涨百分之一，科技股领涨，成交额较前一日放大。\n');
    const { code, stdout } = await runImport(scrape);
    expect(code).toBe(0);
    expect(stdout).toContain('added section "港股新闻"');
  });

  it('refuses a second import of the same source, then replaces it in place with --force', async () => {
    const canonical = '<link rel="canonical" href="https://news.example.cn/2024/line.html"><meta property="article:section" content="美股新闻">';
    const first = await writePage('first.html', newsPage({ head: canonical }));
    expect((await runImport(first)).code).toBe(0);
    const again = await writePage('again.html', newsPage({ title: '地铁新线今日开通（更新）', head: canonical }));
    const refused = await runImport(again);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already imported as content/articles/ditie-xin-xian-jinri-kaitong (same source_url https://news.example.cn/2024/line.html); pass --force to replace it');
    expect((await runImport(again, '--force')).code).toBe(0);
    expect(await readdir(articles())).toEqual(['ditie-xin-xian-jinri-kaitong.md']);
    expect(await readFile(path.join(articles(), 'ditie-xin-xian-jinri-kaitong.md'), 'utf8')).toContain('title: "地铁新线今日开通（更新）"');
  });

  it('replaces an article folder with a plain file when the new version has no pictures, leaving nothing aside', async () => {
    const canonical = '<link rel="canonical" href="https://news.example.cn/2024/form.html"><meta property="article:section" content="美股新闻">';
    const dir = path.join(tmp, 'form');
    await mkdir(path.join(dir, 'p_files'), { recursive: true });
    await cp(path.join(PICTURE_FIXTURE, 'cover.jpg'), path.join(dir, 'p_files', 'c.jpg'));
    const withPicture = await writePage('form/p.html', newsPage({ body: `${prose(3)}<p><img src="p_files/c.jpg" alt="图"></p>${prose(3)}`, head: canonical }));
    expect((await runImport(withPicture)).code).toBe(0);
    expect(await readdir(articles())).toEqual(['ditie-xin-xian-jinri-kaitong']);
    const plain = await writePage('form/plain.html', newsPage({ head: canonical }));
    expect((await runImport(plain, '--force')).code).toBe(0);
    expect(await readdir(articles())).toEqual(['ditie-xin-xian-jinri-kaitong.md']);
  });

  it('--dry-run prints the Markdown and writes nothing: no file, no picture, no section', async () => {
    const dir = path.join(tmp, 'dry');
    await mkdir(path.join(dir, 'p_files'), { recursive: true });
    await cp(path.join(PICTURE_FIXTURE, 'cover.jpg'), path.join(dir, 'p_files', 'c.jpg'));
    const file = await writePage('dry/p.html', newsPage({ body: `${prose(3)}<p><img src="p_files/c.jpg" alt="图"></p>${prose(3)}`, head: '<meta property="article:section" content="新栏目">' }));
    const { code, stdout } = await runImport(file, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\ntitle: "地铁新线今日开通"\nsection: "新栏目"\n/);
    expect(await readdir(articles())).toEqual([]);
    expect(await sections()).toHaveLength(1);
  });

  it('imports a batch: one bad page stops nothing, a table sums it up, and the exit code says one failed', async () => {
    const dir = path.join(tmp, 'batch');
    await writePage('batch/a.html', newsPage({ title: '第一篇新闻', head: '<meta property="article:section" content="美股新闻">' }));
    await writePage('batch/b.html', newsPage({ title: '第二篇新闻', head: '<meta property="article:section" content="美股新闻">' }));
    const links = Array.from({ length: 50 }, (_, i) => `<li><a href="/n/${i}">新闻标题${i}</a></li>`).join('');
    await writePage('batch/list.html', `<!doctype html><html><head><title>列表</title></head><body><ul>${links}</ul></body></html>`);
    await writePage('batch/b_files/ignored.html', '<!doctype html><html><body>not a page to import</body></html>');
    const { code, stdout, stderr } = await runImport(dir);
    expect(code).toBe(1);
    expect((await readdir(articles())).sort()).toEqual([`${slugFromTitle('第二篇新闻')}.md`, `${slugFromTitle('第一篇新闻')}.md`].sort());
    expect(stderr).toMatch(/list\.html: not an article/);
    expect(stdout).toContain('| file | slug | title | paragraphs | sections | pictures local/linked | text chosen by | warnings |');
    expect(stdout.split('\n').filter((line) => line.startsWith(`| ${dir}`))).toHaveLength(3);
    expect(stdout).not.toContain('ignored.html');
  });

  it('says when the metadata check chose the text over Readability, and the table names each page’s rule and sections', async () => {
    const head = `<meta name="description" content="${STORY[0]}">`;
    const portal = await writePage('rule/portal.html', portalPage({ head }));
    await writePage('rule/plain.html', newsPage({ title: '第三篇新闻', head: '<meta property="article:section" content="美股新闻">', body: `${prose(2)}<h2>背景</h2>${prose(2)}` }));
    const { code, stdout } = await runImport(path.join(tmp, 'rule'), '--section', '美股新闻');
    expect(code).toBe(0);
    expect(stdout).toContain(`${portal}: Readability's text lacks the opening the page states (JSON-LD, og:description, description); imported the block that holds it instead`);
    expect(stdout).toMatch(/\| 城东快速路高架段下月起分段封闭施工 \| 4 \| 0 \| 0\/0 \| metadata: stated opening \|/);
    expect(stdout).toMatch(/\| 第三篇新闻 \| 4 \| 1 \| 0\/0 \| Readability \|/);
    const text = await readFile(path.join(articles(), `${slugFromTitle('城东快速路高架段下月起分段封闭施工')}.md`), 'utf8');
    expect(text).toContain(STORY[3]);
    expect(text).not.toContain('相关新闻');
  });

  it('imports a 10 MB page', async () => {
    const big = newsPage({ head: '<meta property="article:section" content="美股新闻">', body: prose(30) + `<div class="comments">${'<p>网友留言：很好。</p>'.repeat(400_000)}</div>` });
    expect(Buffer.byteLength(big)).toBeGreaterThan(10 * 1024 * 1024);
    const { code, stderr } = await runImport(await writePage('big.html', big));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('npm run import --fetch-images', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    const jpeg = await readFile(path.join(PICTURE_FIXTURE, 'yunqi-hall.jpg'));
    const png = await readFile(path.join(PICTURE_FIXTURE, 'revenue-chart.png'));
    server = createServer((req, res) => {
      if (req.url === '/ok.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      if (req.url === '/moved') return void res.writeHead(302, { location: '/chart.png' }).end();
      if (req.url === '/chart.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/page.jpg') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a picture</html>');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('downloads what the host serves as a picture, follows a bounded redirect, and links the rest with the reason', async () => {
    const imgs = ['ok.jpg', 'moved', 'loop', 'page.jpg', 'gone.jpg'].map((p, i) => `<p><img src="${origin}/${p}" alt="图${i}"></p>`).join('');
    const file = await writePage('fetch.html', newsPage({ body: `${prose(3)}${imgs}${prose(3)}`, head: '<meta property="article:section" content="美股新闻">' }));
    const { code, stderr } = await runImport(file, '--fetch-images');
    expect(code).toBe(0);
    const folder = path.join(articles(), 'ditie-xin-xian-jinri-kaitong');
    expect((await readdir(folder)).filter((f) => f.startsWith('p-')).map((f) => path.extname(f)).sort()).toEqual(['.jpg', '.png']);
    const text = await readFile(path.join(folder, 'index.md'), 'utf8');
    expect(text).toMatch(/!\[图0\]\(\.\/p-[0-9a-f]{10}\.jpg\)/);
    expect(text).toMatch(/!\[图1\]\(\.\/p-[0-9a-f]{10}\.png\)/);
    expect(text).toContain(`[图2](${origin}/loop)`);
    expect(text).toContain(`[图3](${origin}/page.jpg)`);
    expect(text).toContain(`[图4](${origin}/gone.jpg)`);
    expect(stderr).toContain('download failed: more than 3 redirects');
    expect(stderr).toContain('download failed: not a picture (content-type text/html)');
    expect(stderr).toContain('download failed: HTTP 404');
  });
});
