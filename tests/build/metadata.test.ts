import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { ARTICLE_ID, ARTICLE_PAGE, listFiles, readText } from '../support/dist.ts';
import { SITE_URL } from '../support/global-setup.ts';

const root = inject('distRoot');
const news = inject('distNews');
const page = async (dir: string, file: string) => parse(await readText(dir, file));
const meta = (doc: HTMLElement, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const jsonLd = (doc: HTMLElement) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null') as Record<string, unknown> | null;

describe('with SITE_URL (built under /news/)', () => {
  const articleUrl = `${SITE_URL}/news/articles/${ARTICLE_ID}/`;

  it('every page has a title, a description, a canonical URL and Open Graph / Twitter tags', async () => {
    // The 404 and offline pages answer for other addresses: noindex, no canonical URL.
    const pages = (await listFiles(news)).filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'offline/index.html');
    for (const file of pages) {
      const doc = await page(news, file);
      expect(doc.querySelector('title')?.textContent, file).toMatch(/阅读|閱讀/);
      expect(meta(doc, 'description')?.length, file).toBeGreaterThan(5);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(canonical.startsWith(`${SITE_URL}/news/`), file).toBe(true);
      expect(meta(doc, 'og:url'), file).toBe(canonical);
      for (const key of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:locale', 'twitter:card']) {
        expect(meta(doc, key), `${key} in ${file}`).toBeTruthy();
      }
      // X falls back to og:title, og:description and og:image: the same words twice would only weigh.
      for (const key of ['twitter:title', 'twitter:description', 'twitter:image']) expect(meta(doc, key), `${key} in ${file}`).toBeUndefined();
    }
  });

  it('the article describes itself from its opening and as a NewsArticle with only the facts it has', async () => {
    const doc = await page(news, ARTICLE_PAGE);
    expect(meta(doc, 'description')).toMatch(/^每年秋天，阿里巴巴会召开/);
    expect(meta(doc, 'og:type')).toBe('article');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(articleUrl);
    expect(jsonLd(doc)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '阿里云还是阿里巴巴的那朵云',
      description: meta(doc, 'description'),
      articleSection: '美股新闻',
      inLanguage: 'zh-CN',
      wordCount: expect.any(Number),
      publisher: { '@type': 'Organization', name: '阅读' },
      url: articleUrl,
      mainEntityOfPage: articleUrl,
    });
  });

  it('links both scripts with absolute hreflang URLs', async () => {
    const doc = await page(news, ARTICLE_PAGE);
    expect(doc.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')])).toEqual([
      ['zh-CN', articleUrl],
      ['zh-Hant', `${articleUrl}zh-hant/`],
    ]);
  });

  it('publishes an RSS feed, a sitemap and a robots.txt that points to it', async () => {
    const rss = await readText(news, 'rss.xml');
    expect(rss).toContain('<title>阿里云还是阿里巴巴的那朵云</title>');
    expect(rss).toContain(`<link>${articleUrl}</link>`);
    expect(rss).toContain('<language>zh-CN</language>');
    const sitemap = await readText(news, 'sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${articleUrl}</loc>`);
    expect(sitemap).not.toContain('404');
    expect(sitemap).not.toContain('offline');
    expect(await readText(news, 'robots.txt')).toBe(`User-agent: *\nAllow: /\nSitemap: ${SITE_URL}/news/sitemap-index.xml\n`);
    const home = await page(news, 'index.html');
    expect(home.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe('/news/rss.xml');
  });
});

describe('without a site URL', () => {
  it('still builds, and leaves out what needs absolute URLs', async () => {
    const files = await listFiles(root);
    expect(files).not.toContain('rss.xml');
    expect(files.some((f) => f.startsWith('sitemap'))).toBe(false);
    expect(await readText(root, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
    const doc = await page(root, ARTICLE_PAGE);
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(meta(doc, 'og:url')).toBeUndefined();
    expect(meta(doc, 'og:title')).toBe('阿里云还是阿里巴巴的那朵云');
    expect(jsonLd(doc)).not.toHaveProperty('url');
  });

  it('has an SVG favicon on every page', async () => {
    expect(await readText(root, 'favicon.svg')).toMatch(/^<svg /);
    const doc = await page(root, 'index.html');
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/favicon.svg');
  });
});

describe('security headers', () => {
  it('dist/_headers carries the same CSP as every page’s <meta>, plus frame-ancestors and the other headers', async () => {
    const headers = await readText(root, '_headers');
    const csp = /Content-Security-Policy: (.+)/.exec(headers)?.[1] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    for (const header of ['X-Content-Type-Options: nosniff', 'Referrer-Policy: ', 'Permissions-Policy: ']) expect(headers).toContain(header);
    for (const file of (await listFiles(root)).filter((f) => f.endsWith('.html'))) {
      const metaCsp = (await page(root, file)).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
      expect(`${metaCsp}; frame-ancestors 'none'`, file).toBe(csp);
    }
  });

  it('the only inline script is the one the CSP hash allows', async () => {
    const { createHash } = await import('node:crypto');
    const csp = (await page(root, ARTICLE_PAGE)).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    for (const file of (await listFiles(root)).filter((f) => f.endsWith('.html'))) {
      const inline = (await page(root, file)).querySelectorAll('script:not([src]):not([type="application/ld+json"])');
      expect(inline, file).toHaveLength(1);
      const hash = createHash('sha256').update(inline[0]?.textContent ?? '').digest('base64');
      expect(csp, file).toContain(`'sha256-${hash}'`);
      expect(await readText(root, file), file).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
  });
});
