import { loadPagefind, type PagefindResult, type PagefindResultData } from './pagefind-api.ts';
import { normaliseQuery, queryTerms } from './query.ts';
import { sectionHits, splitSections, type SectionHit } from './section-hits.ts';
import { toSimplified } from './t2s.ts';

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

export interface PageResult {
  data: PagefindResultData;
  /** Sections holding the whole query; empty when Pagefind matched only some of its words. */
  hits: SectionHit[];
}

export interface SearchOutcome {
  /** What the reader typed, normalised. */
  query: string;
  /** The terms searched and marked; simplified when the typed query was traditional. */
  terms: string[];
  /** Set when the query was converted from traditional characters to find these. */
  simplified?: string;
  /** The pages read so far, in the order shown. */
  pages: PageResult[];
  /** Pages with the whole query in them, of those read. */
  exact: number;
  /** Pages the search matched; read and shown FIRST_PAGES first, then up to PAGE_SIZE at a time. */
  matched: number;
  /** The matched pages not read yet, best first: what "more" reads. */
  rest: PagefindResult[];
}

/** Says whether a newer search has replaced this one, so its remaining work can be skipped. */
export type Stale = () => boolean;

/** Thrown inside a search that a newer one replaced; live-search.ts drops it quietly. */
export class StaleSearch extends Error {}

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

/** Reads a batch of results: their text, and the sections holding the query (whole pages first, order kept). */
async function readPages(results: PagefindResult[], terms: string[], stale: Stale): Promise<PageResult[]> {
  if (stale()) throw new StaleSearch();
  const datas = await Promise.all(results.map(dataOf));
  if (stale()) throw new StaleSearch();
  const read = datas.map((data) => ({ data, hits: sectionHits(splitSections(data), terms) }));
  return read.sort((a, b) => Number(b.hits.length > 0) - Number(a.hits.length > 0));
}

/** The next `size` of an outcome's pages, appended to it (and returned, for the renderer to add). */
export async function readMore(outcome: SearchOutcome, stale: Stale = () => false, size = PAGE_SIZE): Promise<PageResult[]> {
  const batch = outcome.rest.slice(0, size);
  const pages = await readPages(batch, outcome.terms, stale);
  outcome.rest = outcome.rest.slice(batch.length);
  outcome.pages.push(...pages);
  outcome.exact += pages.filter((page) => page.hits.length > 0).length;
  return pages;
}

/**
 * How many words Pagefind makes of a term: it cuts queries with Intl.Segmenter in the page's
 * language, as the build cut the indexed text (src/lib/search/word-breaks.ts).
 */
function wordCount(term: string): number {
  const segmenter = new Intl.Segmenter(document.documentElement.lang || 'zh-CN', { granularity: 'word' });
  return [...segmenter.segment(term)].filter((segment) => segment.isWordLike).length;
}

/**
 * Whether a result's word positions hold `length` consecutive ones: the
 * query's words side by side, as a phrase. Pagefind gives a loose search
 * every position of every query word in the page.
 */
function holdsRun(words: number[], length: number): boolean {
  const at = new Set(words);
  return words.some((start) => {
    for (let i = 1; i < length; i++) if (!at.has(start + i)) return false;
    return true;
  });
}

/**
 * The pages to read, best first: `candidates`, when set, are the pages whose
 * word positions hold the phrase's words side by side (maybe in another
 * order: positions do not say which word stands where), ahead of `loose`.
 */
async function find(query: string, terms: string[], section: string, stale: Stale): Promise<{ loose: PagefindResult[]; candidates?: PagefindResult[] }> {
  const pagefind = await loadPagefind();
  // Typed past while the index loaded: the newer query searches instead.
  if (stale()) throw new StaleSearch();
  const options = section ? { filters: { section } } : {};
  const loose = (await pagefind.search(query, options)).results;
  const [term] = terms;
  const words = term === undefined ? 0 : wordCount(term);
  if (terms.length > 1 || words < 2) return { loose };
  // A phrase of several words: Pagefind ranks pages by its words wherever they stand, so a page
  // holding the whole phrase could rank below twenty that hold its words apart and never be read.
  // The pages with the words side by side are read first. One loose search finds them: Pagefind's
  // own phrase search ("…") costs a second pass over the same word lists, which for a phrase of
  // common characters (碳中和: 碳, 中, 和) is most of the time a search takes.
  const candidates = loose.filter((result) => holdsRun(result.words, words));
  return candidates.length > 0 ? { loose, candidates } : { loose };
}

/**
 * The best FIRST_PAGES of `results`, read. A quick search asks for the whole
 * first page at once, best first, and reads the twenty in one pass, as plain
 * Pagefind does. A slow one asks for the first few alone: Pagefind's worker
 * fetches, unpacks and excerpts each page it is asked for in turn, so fifteen
 * more asked with them would keep the reader waiting for the five (15 to 85 ms
 * in four cold probes at 10,000 articles).
 */
function readFirst(results: PagefindResult[], terms: string[], stale: Stale, slow: boolean): Promise<PageResult[]> {
  if (!stale() && !slow) for (const result of results.slice(0, PAGE_SIZE)) void dataOf(result);
  return readPages(results.slice(0, FIRST_PAGES), terms, stale);
}

async function searchOnce(query: string, terms: string[], section: string, stale: Stale, started: number): Promise<Omit<SearchOutcome, 'query'>> {
  const { loose, candidates } = await find(query, terms, section, stale);
  const slow = performance.now() - started >= SLOW_MS;
  const outcome = (results: PagefindResult[], pages: PageResult[]) => ({
    terms,
    pages,
    exact: pages.filter((page) => page.hits.length > 0).length,
    matched: results.length,
    rest: results.slice(pages.length),
  });
  // Many candidates: the loose ranking picks which to read, the first few before the rest.
  if (!candidates || candidates.length > PAGE_SIZE) {
    const results = candidates ?? loose;
    return outcome(results, await readFirst(results, terms, stale, slow));
  }
  // A page of them or fewer are all read: those truly holding the phrase are kept, ordered by how
  // often each holds it (Pagefind's ranking weighs the words apart as much).
  const total = (page: PageResult) => page.hits.reduce((sum, hit) => sum + hit.count, 0);
  const read = await readPages(candidates, terms, stale);
  const whole = read.filter((page) => page.hits.length > 0).sort((a, b) => total(b) - total(a));
  if (whole.length > 0) return { terms, pages: whole, exact: whole.length, matched: whole.length, rest: [] };
  return outcome(loose, await readFirst(loose, terms, stale, slow));
}

/**
 * Searches every article, or with `section` only that news section's
 * (Pagefind filter), and reads the best FIRST_PAGES of the pages it matched
 * (a phrase's few candidates all): readMore reads on. `stale` lets a newer
 * search stop this one between its steps (it then throws StaleSearch).
 */
export async function runSearch(raw: string, section = '', stale: Stale = () => false): Promise<SearchOutcome> {
  const started = performance.now();
  const query = normaliseQuery(raw);
  const terms = queryTerms(query);
  if (terms.length === 0) return { query, terms, pages: [], exact: 0, matched: 0, rest: [] };
  const outcome = await searchOnce(terms.join(' '), terms, section, stale, started);
  if (outcome.exact > 0 || !/\p{Script=Han}/u.test(query)) return { query, ...outcome };
  // Nothing holds the query as typed: it may be in traditional characters (阿里雲 -> 阿里云).
  const simplified = await toSimplified(terms.join(' '));
  if (simplified === terms.join(' ')) return { query, ...outcome };
  const converted = await searchOnce(simplified, queryTerms(simplified), section, stale, started);
  return converted.exact > 0 ? { query, simplified, ...converted } : { query, ...outcome };
}
