import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTICLE_ID, ARTICLE_PAGE, readText } from '../support/dist.ts';

const dist = inject('distRoot');
let hans: HTMLElement;
let hant: HTMLElement;
beforeAll(async () => {
  hans = parse(await readText(dist, ARTICLE_PAGE));
  hant = parse(await readText(dist, `articles/${ARTICLE_ID}/zh-hant/index.html`));
});

describe('the article in traditional characters', () => {
  it('is its own page, marked zh-Hant', () => {
    expect(hant.querySelector('html')?.getAttribute('lang')).toBe('zh-Hant');
    expect(hant.querySelector('h1')?.textContent).toBe('阿里雲還是阿里巴巴的那朵雲');
    expect(hant.querySelector('.yd-prose')?.textContent).toContain('每年秋天，阿里巴巴會召開其一年裡技術上最重要的盛會');
  });

  it('and the simplified page link to each other, with hreflang and lang on the links', () => {
    expect(hans.querySelector('html')?.attributes).toMatchObject({ 'data-yd-alternate-lang': 'zh-Hant', 'data-yd-alternate': `/articles/${ARTICLE_ID}/zh-hant/` });
    expect(hant.querySelector('html')?.attributes).toMatchObject({ 'data-yd-alternate-lang': 'zh-CN', 'data-yd-alternate': `/articles/${ARTICLE_ID}/` });
    // Relative hreflang links are invalid for search engines; they come with SITE_URL.
    expect(hans.querySelector('link[rel="alternate"][hreflang]')).toBeNull();
    expect(hans.querySelector('a.yd-script-switch')?.attributes).toMatchObject({ lang: 'zh-Hant', href: `/articles/${ARTICLE_ID}/zh-hant/`, hreflang: 'zh-Hant' });
    expect(hans.querySelector('a.yd-script-switch')?.textContent.trim()).toBe('繁體');
    expect(hant.querySelector('a.yd-script-switch')?.textContent.trim()).toBe('简体');
  });

  it('keeps the simplified page’s section anchors, so #links work on both', () => {
    const ids = (doc: HTMLElement) => doc.querySelectorAll('.yd-prose h2').map((h) => h.id);
    expect(ids(hant)).toEqual(ids(hans));
    expect(hant.querySelectorAll('.yd-toc a').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['導語', '#yd-title'],
      ['昂貴的AI', '#昂贵的ai'],
      ['無法脫離於阿里巴巴的阿里雲', '#无法脱离于阿里巴巴的阿里云'],
    ]);
  });

  it('shows its interface in traditional characters too', () => {
    expect(hant.querySelector('.yd-site-name')?.textContent).toBe('閱讀');
    expect(hant.querySelector('.yd-toc summary')?.textContent).toBe('目錄');
    expect(hant.querySelector('#yd-header-q')?.getAttribute('placeholder')).toBe('搜索文章');
  });
});
