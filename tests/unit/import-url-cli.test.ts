import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toHant } from '../../src/lib/render/hant.ts';
import { slugFromTitle } from '../../src/lib/content/slug.ts';
import { PICTURE_FIXTURE } from '../support/picture-site.ts';
import { runImport as runImportAsync } from '../support/run-import.ts';

// `npm run import -- <address>` against a real HTTP server on loopback, with the faults a newsroom meets.

let tmp: string;
let content: string;
const articles = () => path.join(content, 'articles');

const runImport = (...args: string[]) => runImportAsync({ cwd: tmp, content }, ...args);

const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>第${i + 1}段：记者在现场看到，排队的市民一直延伸到街角。多位受访者表示，这一变化在过去几个月里逐渐显现，影响了许多家庭的日常安排。</p>`,
  ).join('');

const page = ({ title = '地铁新线今日开通', body = prose(6), head = '<meta charset="utf-8">', lang = 'zh-CN' } = {}) =>
  `<!doctype html><html lang="${lang}"><head>${head}<title>${title}_城市_示例网</title><meta property="article:section" content="城市"></head><body>
<nav><a href="/">首页</a></nav><article><h1>${title}</h1>${body}</article><footer>示例网版权所有</footer></body></html>`;

let server: Server;
let origin = '';
const requests: { url: string; agent: string }[] = [];
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-urlimport-'));
  const jpeg = await readFile(path.join(PICTURE_FIXTURE, 'yunqi-hall.jpg'));
  const png = await readFile(path.join(PICTURE_FIXTURE, 'revenue-chart.png'));
  const withPictures = page({ body: `${prose(3)}<figure><img src="/img/hall.jpg" alt="开通仪式"><figcaption>开通仪式现场</figcaption></figure>${prose(2)}<p><img src="ORIGIN/img/chart.png" alt="客流图"></p>${prose(1)}` });
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/news/metro.html': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(withPictures.replace('ORIGIN', origin)),
    '/old-address': (res) => res.writeHead(301, { location: '/news/metro.html' }).end(),
    '/img/hall.jpg': (res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg),
    '/img/chart.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    // Declared in the Content-Type header only, as many Chinese servers do.
    '/gbk.html': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(iconv.encode(page({ title: '公交线路调整', head: '' }), 'gbk')),
    '/big5.html': (res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=big5' })
        .end(iconv.encode(page({ title: '捷運新線今日通車', head: '', lang: 'zh-TW', body: toHant(prose(6)) }), 'big5')),
    '/missing.html': (res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>'),
    '/report.pdf': (res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
    '/slow.html': () => undefined, // never answers
    '/huge.html': (res) => {
      // Chunked, no Content-Length: the limit has to count what arrives.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 20 && res.write(chunk)) sent++;
        if (sent < 20) res.once('drain', () => (sent++, more()));
        else res.end();
      };
      more();
    },
    // A 200 that is an error page in disguise.
    '/deleted.html': (res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>页面不存在</title></head><body><p>抱歉，您访问的页面不存在或已被删除。</p><a href="/">返回首页</a></body></html>'),
  };
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ url: req.url ?? '', agent: req.headers['user-agent'] ?? '' });
    open++;
    mostOpen = Math.max(mostOpen, open);
    res.on('close', () => open--);
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  content = path.join(tmp, `content-${Math.random().toString(36).slice(2)}`);
  await mkdir(articles(), { recursive: true });
  await writeFile(path.join(content, 'sections.json'), JSON.stringify([{ slug: 'city', name: '城市' }]));
});

describe('npm run import -- <address>', () => {
  it('fetches the page through a redirect, brings its pictures local, and records where it came from', async () => {
    const { code, stdout, stderr } = await runImport(`${origin}/old-address`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const folder = path.join(articles(), 'ditie-xin-xian-jinri-kaitong');
    const text = await readFile(path.join(folder, 'index.md'), 'utf8');
    // The address the page was found at, after the redirect.
    expect(text).toContain(`source_url: "${origin}/news/metro.html"`);
    expect(text).toMatch(/!\[开通仪式\]\(\.\/p-[0-9a-f]{10}\.jpg "开通仪式现场"\)/);
    expect(text).toMatch(/!\[客流图\]\(\.\/p-[0-9a-f]{10}\.png\)/);
    expect((await readdir(folder)).sort()).toHaveLength(3);
    expect(stdout).toMatch(/\| 地铁新线今日开通 \| 6 \| 0 \| 2\/0 \| Readability \|/);
    expect(requests.filter((r) => r.url.startsWith('/img/'))).toHaveLength(2);
    // Polite: it says who it is, and never has two requests open at once.
    expect(new Set(requests.map((r) => r.agent.split('/')[0]))).toEqual(new Set(['yuedu-import']));
    expect(mostOpen).toBe(1);
  });

  it('reads the charset from the Content-Type header: a GBK page and a Big5 page declared nowhere else', async () => {
    const { code, stderr } = await runImport(`${origin}/gbk.html`, `${origin}/big5.html`, '--section', '城市');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readFile(path.join(articles(), `${slugFromTitle('公交线路调整')}.md`), 'utf8')).toContain('排队的市民一直延伸到街角');
    const big5 = await readFile(path.join(articles(), `${slugFromTitle('捷運新線今日通車')}.md`), 'utf8');
    expect(big5).toContain('title: "捷運新線今日通車"');
    expect(big5).toContain('記者在現場');
  });

  it('refuses each fault with one line naming the address, writes nothing for it, and goes on with the batch', async () => {
    const bad = {
      '/missing.html': 'HTTP 404 Not Found',
      '/report.pdf': 'not a web page (content-type application/pdf)',
      '/loop': 'more than 3 redirects',
      '/slow.html': 'no answer within 1 s',
      '/huge.html': 'larger than 16 MB',
      '/deleted.html': 'not an article',
      '/nowhere.html': 'HTTP 404',
    };
    const addresses = Object.keys(bad).map((p) => `${origin}${p}`);
    const { code, stdout, stderr } = await runImport(...addresses, `${origin}/gbk.html`, '--timeout', '1');
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    expect(lines).toHaveLength(Object.keys(bad).length);
    for (const [p, why] of Object.entries(bad)) expect(lines.find((l) => l.startsWith(`import: ${origin}${p}: `))).toContain(why);
    expect(await readdir(articles())).toEqual([`${slugFromTitle('公交线路调整')}.md`]);
    expect(stdout.split('\n').filter((l) => l.includes('| failed |'))).toHaveLength(Object.keys(bad).length);
  });

  it('refuses an address already imported before fetching it again, and replaces it with --force', async () => {
    expect((await runImport(`${origin}/gbk.html`)).code).toBe(0);
    const before = requests.length;
    const again = await runImport(`${origin}/gbk.html`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already imported as content/articles/');
    expect(requests.length).toBe(before);
    expect((await runImport(`${origin}/gbk.html`, '--force')).code).toBe(0);
    expect(await readdir(articles())).toHaveLength(1);
  });

  it('refuses an address that is not http(s) and a malformed --timeout, before any request', async () => {
    const before = requests.length;
    const { code, stderr } = await runImport(`${origin}/gbk.html`, '--timeout', 'soon');
    expect(code).toBe(2);
    expect(stderr).toContain('--timeout takes seconds');
    const ftp = await runImport('ftp://example.com/a.html');
    expect(ftp.code).toBe(1);
    expect(ftp.stderr).toMatch(/^import: ftp:\/\/example\.com\/a\.html: only http:\/\/ and https:\/\/ addresses can be fetched$/);
    expect(requests.length).toBe(before);
  });
});
