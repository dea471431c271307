import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PagefindApi, PagefindResult } from '../../src/client/search/pagefind-api.ts';

// A stand-in for Pagefind that behaves as 1.6 does where ranking is concerned: a loose search
// returns pages best first, each with the positions of the query's words in it.
const calls: string[] = [];
/** The options of each search: filters and sort. */
const asked: unknown[] = [];
let loose: PagefindResult[] = [];
const pagefind: Pick<PagefindApi, 'search'> = {
  search: async (term, options) => {
    calls.push(term);
    asked.push(options ?? {});
    return { results: loose };
  },
};
vi.mock('../../src/client/search/pagefind-api.ts', () => ({ SITE_BASE: '/', loadPagefind: async () => pagefind }));
vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
const { FIRST_PAGES, PAGE_SIZE, readMore, runSearch, SLOW_MS, StaleSearch } = await import('../../src/client/search/search-core.ts');
const { describeOutcome } = await import('../../src/client/search/search-render.ts');

/** Word positions of a page holding the query's words side by side, and of one holding them apart. */
const SIDE_BY_SIDE = [3, 4, 5, 6, 7, 8];
const APART = [3, 9, 15, 21];
/** A result whose page says `text`, with no headings. */
const result = (id: string, text: string, score = 1, words = APART): PagefindResult => ({
  id,
  score,
  words,
  data: async () => ({ url: `/articles/${id}/`, excerpt: '', raw_content: text, meta: { title: id }, filters: {}, anchors: [], sub_results: [] }),
});
const urls = (outcome: Awaited<ReturnType<typeof runSearch>>) => outcome.pages.map((page) => page.data.url.split('/')[2]);

const standIn = pagefind.search;
beforeEach(() => {
  pagefind.search = standIn;
  calls.length = 0;
  asked.length = 0;
  loose = [];
});

describe('runSearch and what the status line says of it', () => {
  it('keeps Pagefind’s ranking for a one-word query and does not search it as a phrase', async () => {
    loose = [result('titled', '阿里巴巴。', 9), result('long', '阿里巴巴，阿里巴巴，阿里巴巴。', 3)];
    const outcome = await runSearch('阿里巴巴');
    expect(calls).toEqual(['阿里巴巴']);
    expect(urls(outcome)).toEqual(['titled', 'long']);
  });

  it('reads only the few pages holding the words side by side, most phrase hits first', async () => {
    loose = [result('apart', '云，栖，大会。', 9), result('once', '云栖大会开幕。', 5, SIDE_BY_SIDE), result('thrice', '云栖大会，云栖大会，云栖大会。', 1, SIDE_BY_SIDE)];
    const outcome = await runSearch('云栖大会');
    expect(calls).toEqual(['云栖大会']);
    expect(urls(outcome)).toEqual(['thrice', 'once']);
    expect(describeOutcome(outcome)).toBe('找到 2 篇包含“云栖大会”的文章');
  });

  it('drops a page whose positions only look like the phrase: its words side by side in another order', async () => {
    loose = [result('reversed', '大会云栖。', 9, SIDE_BY_SIDE), result('real', '云栖大会。', 1, SIDE_BY_SIDE), result('apart', '云，栖，大会。', 5)];
    const outcome = await runSearch('云栖大会');
    expect(urls(outcome)).toEqual(['real']);
    expect(describeOutcome(outcome)).toBe('找到 1 篇包含“云栖大会”的文章');
    // When none of them holds it, the loose ranking decides, as for no candidate at all.
    loose = [result('reversed', '大会云栖。', 9, SIDE_BY_SIDE), result('apart', '云，栖，大会。', 5)];
    expect(urls(await runSearch('云栖大会'))).toEqual(['reversed', 'apart']);
  });

  it('lets the loose ranking choose which twenty of many phrase hits to read', async () => {
    // 25 phrase hits in index order; the loose search ranks the last of them first, and a page
    // holding the words apart in between, which is no phrase hit and is left out.
    const hits = Array.from({ length: 25 }, (_, i) => result(`p${i}`, '云栖大会。', 1, SIDE_BY_SIDE));
    loose = [hits[24]!, result('apart', '云，栖，大会。'), ...hits.slice(0, 24)];
    const outcome = await runSearch('云栖大会');
    expect(calls).toEqual(['云栖大会']);
    await readMore(outcome, () => false, PAGE_SIZE - outcome.pages.length);
    expect(urls(outcome)).toEqual(['p24', ...Array.from({ length: 19 }, (_, i) => `p${i}`)]);
    expect(outcome.exact).toBe(20);
    expect(outcome.matched).toBe(25);
    expect(describeOutcome(outcome)).toBe('找到 25 篇包含“云栖大会”的文章，下面是最相关的 20 篇');
  });

  it('keeps the loose ranking when no page holds the words side by side, whole-query pages first', async () => {
    loose = [result('apart', '云，栖，大会。', 5), result('whole', '云栖大会。', 2)];
    const outcome = await runSearch('云栖大会');
    expect(calls).toEqual(['云栖大会']);
    expect(urls(outcome)).toEqual(['whole', 'apart']);
    expect(outcome.exact).toBe(1);
  });
});

describe('newest first', () => {
  it('asks Pagefind for date order and keeps it: a page holding the whole query is not moved ahead of a newer one', async () => {
    // Pagefind answers a sorted search in date order (here: newer first).
    loose = [result('newer-apart', '云，栖，大会。', 1), result('older-whole', '云栖大会。', 9)];
    const outcome = await runSearch('云栖大会', { sort: 'newest', section: '科技' });
    expect(asked).toEqual([{ filters: { section: '科技' }, sort: { date: 'desc' } }]);
    expect(urls(outcome)).toEqual(['newer-apart', 'older-whole']);
    // By relevance the same answer puts the whole-query page first.
    expect(urls(await runSearch('云栖大会'))).toEqual(['older-whole', 'newer-apart']);
    expect(asked[1]).toEqual({});
  });

  it('orders a few phrase hits by date, not by how often each holds the phrase', async () => {
    loose = [result('newer-once', '云栖大会开幕。', 1, SIDE_BY_SIDE), result('older-thrice', '云栖大会，云栖大会，云栖大会。', 9, SIDE_BY_SIDE)];
    expect(urls(await runSearch('云栖大会', { sort: 'newest' }))).toEqual(['newer-once', 'older-thrice']);
    expect(urls(await runSearch('云栖大会', { sort: 'relevance' }))).toEqual(['older-thrice', 'newer-once']);
  });
});

describe('every result reachable', () => {
  /** The search page's clock: a search takes `searchMs` of it. */
  let clock = 0;
  const searchTakes = (searchMs: number) => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    pagefind.search = async (term) => {
      clock += searchMs;
      return standIn(term);
    };
  };
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** 45 pages best first; reading the text of those after the first few waits for release(). */
  function heldBack() {
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const later = new Promise<void>((resolve) => (release = resolve));
    loose = Array.from({ length: 45 }, (_, i) => {
      const page = result(`r${i}`, '阿里巴巴。', 45 - i);
      return { ...page, data: async () => (asked.push(page.id), i >= FIRST_PAGES && (await later), page.data()) };
    });
    return { asked, release };
  }

  it('asks a quick search’s whole first page at once, best first, and answers once the best few are read', async () => {
    searchTakes(SLOW_MS - 1);
    const { asked, release } = heldBack();
    // The pages after the first few are still on their way when the search answers.
    const outcome = await runSearch('阿里巴巴');
    expect(FIRST_PAGES).toBeLessThan(PAGE_SIZE);
    expect(asked).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `r${i}`));
    expect(urls(outcome)).toEqual(asked.slice(0, FIRST_PAGES));
    expect(outcome.rest).toHaveLength(45 - FIRST_PAGES);
    release();
    const rest = await readMore(outcome, () => false, PAGE_SIZE - FIRST_PAGES);
    expect(rest.map((page) => page.data.url.split('/')[2])).toEqual(asked.slice(FIRST_PAGES));
    // Each page was asked for once, not again when it was read.
    expect(asked).toHaveLength(PAGE_SIZE);
  });

  it('asks a slow search’s best few alone, so they are not kept waiting by the rest of the page', async () => {
    searchTakes(SLOW_MS);
    const { asked, release } = heldBack();
    release();
    const outcome = await runSearch('阿里巴巴');
    expect(asked).toEqual(Array.from({ length: FIRST_PAGES }, (_, i) => `r${i}`));
    expect(urls(outcome)).toEqual(asked);
    await readMore(outcome, () => false, PAGE_SIZE - FIRST_PAGES);
    expect(asked).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `r${i}`));
    expect(urls(outcome)).toEqual(asked);
  });

  it('reads the next twenty when asked, keeping the ranking and the count of articles holding the query', async () => {
    loose = Array.from({ length: 45 }, (_, i) => result(`r${i}`, '阿里巴巴。', 45 - i));
    const outcome = await runSearch('阿里巴巴');
    await readMore(outcome, () => false, PAGE_SIZE - outcome.pages.length);
    expect(urls(outcome)).toHaveLength(20);
    expect(describeOutcome(outcome)).toBe('找到 45 篇包含“阿里巴巴”的文章，下面是最相关的 20 篇');
    const more = await readMore(outcome);
    expect(more.map((page) => page.data.url.split('/')[2])).toEqual(Array.from({ length: 20 }, (_, i) => `r${i + 20}`));
    expect(describeOutcome(outcome)).toBe('找到 45 篇包含“阿里巴巴”的文章，下面是最相关的 40 篇');
    await readMore(outcome);
    expect(urls(outcome)).toEqual(Array.from({ length: 45 }, (_, i) => `r${i}`));
    expect(outcome.rest).toEqual([]);
    expect(describeOutcome(outcome)).toBe('找到 45 篇包含“阿里巴巴”的文章');
  });
});

describe('a search overtaken by a newer one', () => {
  it('stops before reading any page once it is stale', async () => {
    let reads = 0;
    loose = Array.from({ length: 3 }, (_, i) => ({ ...result(`r${i}`, 'Azure。'), data: async () => (reads++, (await result(`r${i}`, 'Azure。').data())) }));
    let stale = false;
    const running = runSearch('Azure', {}, () => stale);
    stale = true;
    await expect(running).rejects.toBeInstanceOf(StaleSearch);
    expect(reads).toBe(0);
  });

  it('never shows late results: only the newest of overlapping searches reaches the page', async () => {
    // The first query's Pagefind answer arrives after the second's.
    let releaseFirst: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (releaseFirst = resolve));
    pagefind.search = async (term) => {
      calls.push(term);
      if (term === 'Azure') await gate;
      return { results: [result(term, `${term}。`)] };
    };
    let latest = 0;
    const shown: string[] = [];
    const run = async (query: string) => {
      const id = ++latest;
      try {
        const outcome = await runSearch(query, {}, () => id !== latest);
        if (id === latest) shown.push(outcome.query);
      } catch (error) {
        if (!(error instanceof StaleSearch)) throw error;
      }
    };
    const first = run('Azure');
    const second = run('AWS');
    await second;
    releaseFirst();
    await first;
    expect(shown).toEqual(['AWS']);
  });
});
