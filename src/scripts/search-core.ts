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
  /** Pages with the whole query in them. */
  exact: number;
}

async function searchOnce(query: string, terms: string[], section: string): Promise<Omit<SearchOutcome, 'query'>> {
  const pagefind = await loadPagefind();
  const options = section ? { filters: { section } } : {};
  let results: PagefindResult[] = [];
  if (terms.length === 1) {
    // One term (a Chinese phrase is one) is looked up as a phrase first. Pagefind ranks pages by
    // the phrase's words wherever they stand, so a page holding the whole phrase could rank below
    // twenty that hold its words apart and never be read. Phrase hits all score alike; their
    // matched word positions tell how often each page holds it.
    const phrase = await pagefind.search(`"${terms[0]}"`, options);
    results = [...phrase.results].sort((a, b) => b.words.length - a.words.length);
  }
  if (results.length === 0) results = (await pagefind.search(query, options)).results;
  const datas = await Promise.all(results.slice(0, MAX_PAGES).map((result) => result.data()));
  const total = (page: PageResult) => page.hits.reduce((sum, hit) => sum + hit.count, 0);
  // Whole-phrase matches first, most occurrences first; Pagefind's order otherwise (sort is stable).
  const pages = datas
    .map((data) => ({ data, hits: sectionHits(splitSections(data), terms) }))
    .sort((a, b) => total(b) - total(a));
  return { terms, pages, exact: pages.filter((page) => page.hits.length > 0).length };
}

/** Searches every article, or with `section` only that news section's (Pagefind filter). */
export async function runSearch(raw: string, section = ''): Promise<SearchOutcome> {
  const query = normaliseQuery(raw);
  const terms = queryTerms(query);
  if (terms.length === 0) return { query, terms, pages: [], exact: 0 };
  const outcome = await searchOnce(terms.join(' '), terms, section);
  if (outcome.exact > 0 || !/\p{Script=Han}/u.test(query)) return { query, ...outcome };
  // Nothing holds the query as typed: it may be in traditional characters (阿里雲 -> 阿里云).
  const simplified = await toSimplified(terms.join(' '));
  if (simplified === terms.join(' ')) return { query, ...outcome };
  const converted = await searchOnce(simplified, queryTerms(simplified), section);
  return converted.exact > 0 ? { query, simplified, ...converted } : { query, ...outcome };
}
