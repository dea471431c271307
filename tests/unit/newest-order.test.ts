import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/client/search/date-order.ts';
import type { CurrentArticle, Segment } from '../../src/lib/search/index-plan.ts';
import { newestOrder } from '../../src/lib/search/newest-order.ts';

/** An article with its page in each script; Pagefind ids as the index gives them (`<lang>_<hex>`). */
const article = (id: string, order: string): CurrentArticle => ({
  id,
  order,
  pages: { [`articles/${id}/index.html`]: { hash: `cn-${id}`, lang: 'zh-cn' }, [`articles/${id}/zh-hant/index.html`]: { hash: `hant-${id}`, lang: 'zh-hant' } },
});
const segment = (name: string, articles: CurrentArticle[], version = ''): Segment => ({
  name,
  articles: articles.length,
  pages: Object.fromEntries(
    articles.flatMap((a) => Object.entries(a.pages).map(([file, page]) => [file, { ...page, id: `${page.lang}_${a.id}${version}` }])),
  ),
});

describe('the newest-first list the build writes beside the index', () => {
  it('lists every shown page of every bundle by date, newest first, undated last, one date by article id', () => {
    const older = [article('a', '2021-03-01'), article('b', '2023-05-02'), article('undated', '')];
    const newer = [article('c', '2022-01-01'), article('e', '2024-06-30'), article('d', '2024-06-30')];
    const order = newestOrder([{ segment: segment('one', older), dropped: [] }, { segment: segment('two', newer), dropped: [] }], [...older, ...newer]);
    expect(Object.keys(order).sort()).toEqual(['zh-cn', 'zh-hant']);
    // Ids without their language prefix: the browser strips it from each result's id.
    expect(order['zh-cn']?.split('\n')).toEqual(['d', 'e', 'b', 'c', 'a', 'undated']);
    expect(order['zh-hant']).toBe(order['zh-cn']);
  });

  it('leaves out a page hidden in an older bundle: its edited version, in a newer one, takes the new date', () => {
    const before = article('a', '2021-03-01');
    const edited = article('a', '2025-01-01');
    const others = [article('b', '2023-05-02')];
    const order = newestOrder(
      [
        { segment: segment('old', [before, ...others]), dropped: ['zh-cn_a', 'zh-hant_a'] },
        { segment: segment('new', [edited], '2'), dropped: [] },
      ],
      [edited, ...others],
    );
    expect(order['zh-cn']?.split('\n')).toEqual(['a2', 'b']);
  });
});

describe('results put newest first in the browser', () => {
  const places = new Map([['d', 0], ['e', 1], ['b', 2], ['a', 3]]);
  const result = (id: string) => ({ id: `zh-cn_${id}` });

  it('orders results by their place in the list, whatever their relevance', () => {
    expect(newestFirst(['a', 'b', 'd', 'e'].map(result), places).map((r) => r.id)).toEqual(['zh-cn_d', 'zh-cn_e', 'zh-cn_b', 'zh-cn_a']);
  });

  it('puts pages the list does not know last, in the order they came', () => {
    expect(newestFirst(['x', 'a', 'y', 'd'].map(result), places).map((r) => r.id)).toEqual(['zh-cn_d', 'zh-cn_a', 'zh-cn_x', 'zh-cn_y']);
  });
});
