import { afterAll, describe, expect, inject, it } from 'vitest';
import { crawl } from '../support/crawl.ts';
import { listFiles } from '../support/dist.ts';
import { SITE_URL } from '../support/global-setup.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const servers: StaticServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

const CASES = [
  { name: 'at the root', dist: 'distRoot', base: '/', start: '', dirIndex: true },
  { name: 'under /news/ with SITE_URL', dist: 'distNews', base: '/news/', start: '', dirIndex: true, site: SITE_URL },
  { name: 'with URL_FORMAT=file on a host without /dir/ -> index.html', dist: 'distFile', base: '/', start: 'index.html', dirIndex: false },
  // The picture article links to its original on purpose: those are the only links out.
  // The series newsroom's one link out is a reporter's own site, on her author page.
  { name: 'of the series newsroom (series, archive, related reading, authors)', dist: 'distSeries', base: '/news/', start: '', dirIndex: true, site: SITE_URL, linksOut: 'https://lin-xiaoyu.example.org/' },
  { name: 'with the picture article (every srcset candidate)', dist: 'distPictures', base: '/news/', start: '', dirIndex: true, site: SITE_URL, linksOut: 'https://news.example.org/' },
] as const;

describe.each(CASES)('link check $name', ({ dist, base, start, dirIndex, ...rest }) => {
  it('reaches every page from the home page with 0 broken links, anchors, assets, scripts or feeds', async () => {
    const dir = inject(dist);
    // Served from a root above the base, like a host serving the folder at a sub-path.
    const server = await serveStatic(dir, base, { dirIndex });
    servers.push(server);
    const site = 'site' in rest ? rest.site : undefined;
    // The home page, plus what crawlers, lost readers and readers offline start from.
    const offline = `${server.url}${dirIndex ? 'offline/' : 'offline.html'}`;
    const report = await crawl([server.url + start, `${server.url}robots.txt`, `${server.url}404.html`, offline], site);
    expect(report.broken).toEqual([]);
    const linksOut = 'linksOut' in rest ? rest.linksOut : undefined;
    expect(report.external.filter((ref) => !linksOut || !ref.startsWith(linksOut))).toEqual([]);
    if (linksOut) expect(report.external.length).toBeGreaterThan(0);
    const html = (await listFiles(dir)).filter((f) => f.endsWith('.html'));
    const reached = new Set([...report.pages].map((u) => decodeURIComponent(new URL(u).pathname.slice(base.length))));
    for (const file of html) {
      const asUrl = file.replace(/(^|\/)index\.html$/, '$1');
      expect(reached.has(asUrl) || reached.has(file), `${file} not reached`).toBe(true);
    }
    expect(report.checked).toBeGreaterThan(60);
    if (site) expect([...report.pages].some((p) => p.endsWith('/rss.xml'))).toBe(true);
    if (site) expect([...report.pages].some((p) => p.endsWith('/sitemap-0.xml'))).toBe(true);
    console.log(`links ${dist}: ${report.pages.size} pages/files, ${report.checked} references, ${report.anchors} anchors, 0 broken`);
  });
});

describe('the 404 page', () => {
  it('answers unknown addresses with search and the article list', async () => {
    const server = await serveStatic(inject('distNews'), '/news/');
    servers.push(server);
    const response = await fetch(`${server.url}no/such/page/`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('页面不存在');
    expect(body).toMatch(/<form[^>]*action="\/news\/search\/"/);
    expect(body).toContain('href="/news/articles/ali-yun-haishi-alibaba-de-na-duo-yun/"');
    expect(body).toContain('<meta name="robots" content="noindex">');
  });
});
