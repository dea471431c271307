import { loadPagefind, type PagefindResult, type PagefindResultData } from './pagefind-api.ts';
import { normaliseQuery, queryTerms } from './query.ts';
import { sectionHits, splitSections, type SectionHit } from './section-hits.ts';
import { toSimplified } from './t2s.ts';

const MAX_PAGES = 20;

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
  pages: PageResult[];
  /** Pages with the whole query in them, of those read. */
  exact: number;
  /** Pages the search matched; only the first MAX_PAGES are read and shown. */
  matched: number;
}

/**
 * How many words Pagefind makes of a term: it cuts queries with Intl.Segmenter in the page's
 * language, as the build cut the indexed text (src/lib/word-breaks.ts).
 */
function wordCount(term: string): number {
  const segmenter = new Intl.Segmenter(document.documentElement.lang || 'zh-CN', { granularity: 'word' });
  return [...segmenter.segment(term)].filter((segment) => segment.isWordLike).length;
}

/** The pages to read, best first, and whether that order is a ranking at all. */
async function find(query: string, terms: string[], section: string): Promise<{ results: PagefindResult[]; ranked: boolean }> {
  const pagefind = await loadPagefind();
  const options = section ? { filters: { section } } : {};
  const loose = () => pagefind.search(query, options).then((response) => response.results);
  const [term] = terms;
  if (terms.length > 1 || term === undefined || wordCount(term) < 2) return { results: await loose(), ranked: true };
  // A phrase of several words is looked up as a phrase: Pagefind ranks pages by its words wherever
  // they stand, so a page holding the whole phrase could rank below twenty that hold its words apart
  // and never be read.
  const phrase = (await pagefind.search(`"${term}"`, options)).results;
  if (phrase.length === 0) return { results: await loose(), ranked: true };
  // Phrase hits all score alike and carry only their first occurrence, so they come unranked.
  // Beyond one page of them, the loose search's ranking picks which twenty to read.
  if (phrase.length <= MAX_PAGES) return { results: phrase, ranked: false };
  const ids = new Set(phrase.map((result) => result.id));
  return { results: (await loose()).filter((result) => ids.has(result.id)), ranked: true };
}

async function searchOnce(query: string, terms: string[], section: string): Promise<Omit<SearchOutcome, 'query'>> {
  const { results, ranked } = await find(query, terms, section);
  const datas = await Promise.all(results.slice(0, MAX_PAGES).map((result) => result.data()));
  const total = (page: PageResult) => page.hits.reduce((sum, hit) => sum + hit.count, 0);
  const read = datas.map((data) => ({ data, hits: sectionHits(splitSections(data), terms) }));
  if (!ranked) read.sort((a, b) => total(b) - total(a));
  // Pages holding the whole query before those Pagefind matched on some of its words; each group
  // keeps its order (sort is stable).
  const pages = read.sort((a, b) => Number(b.hits.length > 0) - Number(a.hits.length > 0));
  return { terms, pages, exact: pages.filter((page) => page.hits.length > 0).length, matched: results.length };
}

/** Searches every article, or with `section` only that news section's (Pagefind filter). */
export async function runSearch(raw: string, section = ''): Promise<SearchOutcome> {
  const query = normaliseQuery(raw);
  const terms = queryTerms(query);
  if (terms.length === 0) return { query, terms, pages: [], exact: 0, matched: 0 };
  const outcome = await searchOnce(terms.join(' '), terms, section);
  if (outcome.exact > 0 || !/\p{Script=Han}/u.test(query)) return { query, ...outcome };
  // Nothing holds the query as typed: it may be in traditional characters (阿里雲 -> 阿里云).
  const simplified = await toSimplified(terms.join(' '));
  if (simplified === terms.join(' ')) return { query, ...outcome };
  const converted = await searchOnce(simplified, queryTerms(simplified), section);
  return converted.exact > 0 ? { query, simplified, ...converted } : { query, ...outcome };
}
