import { describe, expect, it, vi } from 'vitest';
import type { PagefindApi, PagefindResult } from '../../src/client/search/pagefind-api.ts';

// Pagefind as a stand-in that knows two articles: one written with the mainland's 软件, one
// written in Taiwan (軟體), indexed as its simplified twin (软体), and newer.
const calls: string[] = [];
const result = (id: string, text: string, date: string): PagefindResult => ({
  id,
  score: 1,
  words: [1],
  data: async () => ({ url: `/articles/${id}/`, excerpt: '', raw_content: text, meta: { title: id, date }, filters: {}, anchors: [], sub_results: [] }),
});
const ARTICLES: Record<string, PagefindResult[]> = {
  软件: [result('mainland', '新版软件上线。', '2024-01-05')],
  软体: [result('taipei', '叫车软体更新了。', '2024-03-01')],
  地铁: [result('mainland', '地铁开通。', '2024-01-05')],
};
const pagefind: Pick<PagefindApi, 'search'> = {
  search: async (term) => {
    calls.push(term);
    return { results: ARTICLES[term] ?? [] };
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

const found = (outcome: Awaited<ReturnType<typeof runSearch>>) => outcome.pages.map((page) => [page.data.url.split('/')[2], page.terms.join(' ')]);

describe('a query in another region\'s words', () => {
  it('finds the articles in both: 軟體, simplified to 软体, is also 软件, each page marked with its own word', async () => {
    calls.length = 0;
    const outcome = await runSearch('軟體');
    expect(calls).toEqual(['軟體', '软体', '软件']);
    expect(outcome.variant).toBe('软件');
    expect(found(outcome)).toEqual([['taipei', '软体'], ['mainland', '软件']]);
    expect(describeOutcome(outcome)).toBe('找到 2 篇包含“软体”的文章（也搜索了：软件，“軟體”的另一种说法）');
  });

  it('finds them when the query as typed finds one already (软件 finds the article that says 软体), newest first when asked', async () => {
    calls.length = 0;
    const outcome = await runSearch('软件', { sort: 'newest' });
    expect(calls).toEqual(['软件', '软体']);
    expect(found(outcome)).toEqual([['taipei', '软体'], ['mainland', '软件']]);
    expect(outcome.exact).toBe(2);
    expect(describeOutcome(outcome)).toBe('找到 2 篇包含“软件”的文章（也搜索了：软体，“软件”的另一种说法）');
  });

  it('says only the other words when only they found something', async () => {
    ARTICLES['软体'] = [];
    calls.length = 0;
    const outcome = await runSearch('软体');
    expect(calls).toEqual(['软体', '软件']);
    expect(found(outcome)).toEqual([['mainland', '软件']]);
    expect(describeOutcome(outcome)).toBe('找到 1 篇包含“软件”的文章（也搜索了：软件，“软体”的另一种说法）');
  });

  it('searches once for a word with no regional variants', async () => {
    calls.length = 0;
    expect((await runSearch('地铁')).variant).toBeUndefined();
    expect(calls).toEqual(['地铁']);
  });
});
