import { describe, expect, it } from 'vitest';
import { dateAttributes, withCredits, withYearFilter } from '../../src/lib/search/index-attributes.ts';

const page = (date: string | undefined) =>
  `<main><article class="yd-article" data-pagefind-body${Object.entries(dateAttributes(date)).map(([k, v]) => ` ${k}="${v}"`).join('')}><h1>标题</h1></article></main>`;

describe('what a page tells the index', () => {
  it('sorts an undated page last instead of leaving it out of a sorted search', () => {
    expect(dateAttributes('2024-10-02')).toEqual({ 'data-pagefind-sort': 'date:2024-10-02', 'data-pagefind-meta': 'date:2024-10-02' });
    expect(dateAttributes(undefined)).toEqual({ 'data-pagefind-sort': 'date:0000-00-00' });
  });

  it('gives the indexed copy its year as a filter, first thing in the indexed body, and none without a date', () => {
    expect(withYearFilter(page('2024-10-02'))).toBe(page('2024-10-02').replace('<h1>', '<span data-pagefind-filter="year:2024"></span><h1>'));
    expect(withYearFilter(page(undefined))).toBe(page(undefined));
    expect(withYearFilter('<main><p>no body</p></main>')).toBe('<main><p>no body</p></main>');
  });

  it('gives the indexed copy the byline and the tags as lightly weighted text right after the title', () => {
    const article =
      '<article data-pagefind-body><header><h1>台风登陆的那一夜</h1><p class="yd-meta" data-pagefind-ignore><span class="yd-byline">记者 <a href="/authors/lin-xiaoyu/">林晓雨</a> · 摄影 陈默</span><time>2024-09-06</time></p>' +
      '<ul class="yd-tags" aria-label="标签" data-pagefind-ignore><li><a href="/tags/台风/">台风</a></li><li><a href="/tags/救灾/">救灾</a></li></ul></header><p>正文。</p></article>';
    expect(withCredits(article)).toBe(article.replace('</h1>', '</h1><p data-pagefind-weight="0.2">记者 林晓雨 · 摄影 陈默｜台风、救灾。</p>'));
    // Nothing to add: the page as it is.
    const plain = '<article data-pagefind-body><h1>标题</h1><p>正文。</p></article>';
    expect(withCredits(plain)).toBe(plain);
  });
});
