import { describe, expect, it } from 'vitest';
import { dateAttributes, withYearFilter } from '../../src/lib/search/index-attributes.ts';

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
});
