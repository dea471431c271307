import { preloadPagefind, type PagefindResult, type PagefindResultData } from './pagefind-api.ts';
import { find, type SearchScope, type SortOrder } from './phrase.ts';
import { normaliseQuery, queryTerms } from './query.ts';
import { sectionHits, splitSections } from './section-hits.ts';
import { merge, phraseTotal, type Found, type PageResult, type PendingResult, type SearchOutcome } from './search-outcome.ts';
import { StaleSearch, type Stale } from './stale.ts';
import { toSimplified } from './t2s.ts';
import { variantQueries } from './variants.ts';

export { StaleSearch, type Stale } from './stale.ts';
export type { SearchScope, SortOrder } from './phrase.ts';
export type { PageResult, SearchOutcome } from './search-outcome.ts';

/** Articles read and shown at a time; "more" reads the next as many. */
export const PAGE_SIZE = 20;
/**
 * Articles read before the first are shown: about two screens of results on
 * a phone, and one fragment per connection a browser opens to a host over
 * HTTP/1.1. The rest of the first PAGE_SIZE follow (live-search.ts).
 */
export const FIRST_PAGES = 5;
/**
 * A search the reader has waited this long for is slow (the index still
 * loading): its best FIRST_PAGES are read alone, then shown at once
 * (live-search.ts), and the rest of the page is asked for after them. A quick
 * one asks for its whole first page together and is shown whole.
 */
export const SLOW_MS = 200;

/** Each result's text is asked for once, whether to show it now or because it is shown next. */
const asked = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
function dataOf(result: PagefindResult): Promise<PagefindResultData> {
  let data = asked.get(result);
  if (!data) {
    data = result.data();
    // Asked for ahead and never awaited if the search goes stale: not an unhandled rejection.
    data.catch(() => undefined);
    asked.set(result, data);
  }
  return data;
}

/**
 * Reads a batch of results: their text, and the sections holding the query.
 * By relevance the pages holding the whole query go first (order kept
 * otherwise); newest first keeps the dates' order.
 */
async function readPages(pending: PendingResult[], sort: SortOrder, stale: Stale): Promise<PageResult[]> {
  if (stale()) throw new StaleSearch();
  const datas = await Promise.all(pending.map(({ result }) => dataOf(result)));
  if (stale()) throw new StaleSearch();
  const read = datas.map((data, i) => {
    const terms = pending[i]?.terms ?? [];
    return { data, hits: sectionHits(splitSections(data), terms), terms };
  });
  return sort === 'newest' ? read : read.sort((a, b) => Number(b.hits.length > 0) - Number(a.hits.length > 0));
}

/** The next `size` of an outcome's pages, appended to it (and returned, for the renderer to add). */
export async function readMore(outcome: SearchOutcome, stale: Stale = () => false, size = PAGE_SIZE): Promise<PageResult[]> {
  const batch = outcome.rest.slice(0, size);
  const pages = await readPages(batch, outcome.sort, stale);
  outcome.rest = outcome.rest.slice(batch.length);
  outcome.pages.push(...pages);
  outcome.exact += pages.filter((page) => page.hits.length > 0).length;
  return pages;
}

/**
 * The best FIRST_PAGES of `results`, read. A quick search asks for the whole
 * first page at once, best first, and reads the twenty in one pass, as plain
 * Pagefind does. A slow one asks for the first few alone: Pagefind's worker
 * fetches, unpacks and excerpts each page it is asked for in turn, so fifteen
 * more asked with them would keep the reader waiting for the five (15 to 85 ms
 * in four cold probes at 10,000 articles).
 */
function readFirst(results: PendingResult[], sort: SortOrder, stale: Stale, slow: boolean): Promise<PageResult[]> {
  if (!stale() && !slow) for (const { result } of results.slice(0, PAGE_SIZE)) void dataOf(result);
  return readPages(results.slice(0, FIRST_PAGES), sort, stale);
}

async function searchOnce(query: string, terms: string[], scope: SearchScope, stale: Stale, started: number): Promise<Found> {
  const sort = scope.sort ?? 'relevance';
  const found = await find(query, terms, scope, stale);
  const pending = (results: PagefindResult[]) => results.map((result) => ({ result, terms }));
  const loose = pending(found.loose);
  const candidates = found.candidates && pending(found.candidates);
  const slow = performance.now() - started >= SLOW_MS;
  const outcome = (results: PendingResult[], pages: PageResult[]) => ({
    terms,
    pages,
    exact: pages.filter((page) => page.hits.length > 0).length,
    matched: results.length,
    rest: results.slice(pages.length),
    sort,
  });
  // Many candidates: the loose ranking (or the dates) picks which to read, the first few before the rest.
  if (!candidates || candidates.length > PAGE_SIZE) {
    const results = candidates ?? loose;
    return outcome(results, await readFirst(results, sort, stale, slow));
  }
  // A page of them or fewer are all read: those truly holding the phrase are kept, by relevance ordered
  // by how often each holds it (Pagefind's ranking weighs the words apart as much), else by date.
  const read = await readPages(candidates, sort, stale);
  const whole = read.filter((page) => page.hits.length > 0);
  if (sort === 'relevance') whole.sort((a, b) => phraseTotal(b) - phraseTotal(a));
  if (whole.length > 0) return { terms, pages: whole, exact: whole.length, matched: whole.length, rest: [], sort };
  return outcome(loose, await readFirst(loose, sort, stale, slow));
}

/**
 * Searches every article, or with `scope.section` only that news section's
 * (Pagefind filter), most relevant or (`scope.sort`) newest first, and reads
 * the first FIRST_PAGES of the pages it matched (a phrase's few candidates
 * all): readMore reads on. `stale` lets a newer search stop this one between
 * its steps (it then throws StaleSearch).
 */
export async function runSearch(raw: string, scope: SearchScope = {}, stale: Stale = () => false): Promise<SearchOutcome> {
  const started = performance.now();
  const query = normaliseQuery(raw);
  const terms = queryTerms(query);
  if (terms.length === 0) return { query, terms, pages: [], exact: 0, matched: 0, rest: [], sort: scope.sort ?? 'relevance' };
  const han = /\p{Script=Han}/u.test(query);
  // Fetched beside the first search: other regions' words are looked up for every Chinese query.
  const variantsOf = han ? variantQueries : async () => [];
  const alternatives = variantsOf(terms);
  const outcome = await searchOnce(terms.join(' '), terms, scope, stale, started);
  let found = outcome.exact > 0 ? outcome : undefined;
  let simplified: string | undefined;
  let others = await alternatives;
  // Nothing holds the query as typed: it may be in traditional characters (阿里雲 -> 阿里云).
  if (!found && han) {
    const converted = await toSimplified(terms.join(' '));
    if (converted !== terms.join(' ')) {
      const convertedTerms = queryTerms(converted);
      const again = await searchOnce(converted, convertedTerms, scope, stale, started);
      if (again.exact > 0) [found, simplified] = [again, converted];
      others = await variantsOf(convertedTerms);
    }
  }
  // The same thing in another region's words (软体 for 软件, 悉尼 for 雪梨): the articles that say it so are found too.
  const variants: Found[] = [];
  for (const alternative of others) {
    if (stale()) throw new StaleSearch();
    const said = await searchOnce(alternative.join(' '), alternative, scope, stale, started);
    if (said.exact > 0) variants.push(said);
  }
  if (variants.length === 0) return { query, ...(found && simplified ? { simplified } : {}), ...(found ?? outcome) };
  // When the query itself found nothing, the first variant heads the status ("找到 2 篇包含“軟件”"):
  // the others are what was also searched, unless it is the only one, which the note then explains.
  const also = !found && variants.length > 1 ? variants.slice(1) : variants;
  const variant = also.map((said) => said.terms.join(' ')).join('、');
  return { query, ...(simplified ? { simplified } : {}), variant, ...merge(found ? [found, ...variants] : variants, scope.sort ?? 'relevance') };
}

/** On a search box's focus: Pagefind's script, wasm and entry files, and the regional table every Chinese query looks in. */
export function preloadSearch(): void {
  preloadPagefind();
  void variantQueries([]);
  // The first Chinese text a page segments loads the browser's word dictionary (Pagefind cuts every
  // query with Intl.Segmenter, as phrase.ts does): loaded now, not after the reader's first word.
  for (const segment of new Intl.Segmenter(document.documentElement.lang || 'zh-CN', { granularity: 'word' }).segment('中文分词')) void segment;
}
