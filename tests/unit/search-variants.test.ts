import { describe, expect, it, vi } from 'vitest';
import type { PagefindApi, PagefindResult } from '../../src/client/search/pagefind-api.ts';

// Pagefind as a stand-in that knows one article, written with the mainland's 软件.
const calls: string[] = [];
const result = (id: string, text: string): PagefindResult => ({
  id,
  score: 1,
  words: [1],
  data: async () => ({ url: `/articles/${id}/`, excerpt: '', raw_content: text, meta: { title: id }, filters: {}, anchors: [], sub_results: [] }),
});
const pagefind: Pick<PagefindApi, 'search'> = {
  search: async (term) => {
    calls.push(term);
    return { results: term === '软件' ? [result('mainland', '新版软件上线。')] : [] };
  },
};
vi.mock('../../src/client/search/pagefind-api.ts', () => ({ SITE_BASE: '/', loadPagefind: async () => pagefind }));
vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
// The build's two tables, as the browser fetches them.
vi.stubGlobal('fetch', async (url: string) => ({
  ok: true,
  json: async () => (url.endsWith('/search/variants.json') ? { groups: [['软件', '软体']] } : { t: '軟體', s: '软体' }),
}));
const { runSearch } = await import('../../src/client/search/search-core.ts');
const { describeOutcome } = await import('../../src/client/search/search-render.ts');

describe('a query in another region\'s words', () => {
  it('finds the article as the site says it: 軟體, simplified to 软体, is 软件 here, and the status says so', async () => {
    const outcome = await runSearch('軟體');
    expect(calls).toEqual(['軟體', '软体', '软件']);
    expect(outcome.variant).toBe('软件');
    expect(outcome.terms).toEqual(['软件']);
    expect(outcome.pages.map((page) => page.data.url)).toEqual(['/articles/mainland/']);
    expect(describeOutcome(outcome)).toBe('找到 1 篇包含“软件”的文章（也搜索了：软件，“軟體”的另一种说法）');
  });

  it('is not tried when the query as typed finds the article', async () => {
    calls.length = 0;
    expect((await runSearch('软件')).variant).toBeUndefined();
    expect(calls).toEqual(['软件']);
  });
});
