/**
 * What a searchable page tells the index beyond its text, as Pagefind's own
 * attributes: the contract between the pages and the index (index-pages.ts
 * reads the date back from it) and the search code (which shows `date` and
 * `updated` under each result and sorts by `date`).
 */

/**
 * The sort key of a page without a date. Pagefind leaves a page out of a
 * sorted search when it lacks the key; this one sorts after every dated page
 * newest first, so undated articles come last instead of vanishing.
 */
export const UNDATED = '0000-00-00';

/** On the element holding data-pagefind-body: the date to sort by and to show (Pagefind takes one meta per attribute). */
export const dateAttributes = (date: string | undefined): Record<string, string> => ({
  'data-pagefind-sort': `date:${date ?? UNDATED}`,
  ...(date ? { 'data-pagefind-meta': `date:${date}` } : {}),
});

/** On another element of the body: the day it was last updated or corrected, shown as 更新于. */
export const updatedAttributes = (modified: string | undefined): Record<string, string> =>
  modified ? { 'data-pagefind-meta': `updated:${modified}` } : {};

/** The sort attribute as the built page's bytes hold it (index-pages.ts). */
export const SORT_PREFIX = 'data-pagefind-sort="date:';

/**
 * The copy of a page handed to Pagefind, with its year as a filter
 * (`year:2024`) taken from its sort date: search can narrow by year, and
 * readers' pages carry no extra bytes for it. An undated page has no year.
 */
export function withYearFilter(html: string): string {
  const at = html.indexOf(SORT_PREFIX);
  if (at < 0) return html;
  const year = html.slice(at + SORT_PREFIX.length, at + SORT_PREFIX.length + 4);
  if (!/^\d{4}$/.test(year) || year === UNDATED.slice(0, 4)) return html;
  const open = html.indexOf('>', at) + 1;
  return `${html.slice(0, open)}<span data-pagefind-filter="year:${year}"></span>${html.slice(open)}`;
}
