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

/** How much a word of the byline or the tags counts against one of the text: a match there ranks below the text's. */
export const CREDITS_WEIGHT = '0.2';

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/**
 * The copy of an article page handed to Pagefind, with its byline and tags
 * as searchable text: a reader who searches a reporter's name or a tag
 * (海边小城) finds the articles that carry it, at a fifth of the text's
 * weight, landing on the article's top (the text goes right after the
 * title, in the opening section). Readers' pages keep both out of the
 * index (data-pagefind-ignore) and carry no bytes for this.
 */
export function withCredits(html: string): string {
  const body = html.indexOf('data-pagefind-body');
  const title = body < 0 ? -1 : html.indexOf('</h1>', body);
  if (title < 0) return html;
  const byline = /<span class="yd-byline">([\s\S]*?)<\/span>/.exec(html)?.[1];
  const tags = /<ul class="yd-tags"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1];
  const tagNames = tags ? [...tags.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => stripTags(m[1] ?? '')).filter(Boolean) : [];
  // Read as a line of its own where a result's excerpt shows it: "记者 林晓雨｜台风、救灾。"
  const line = [stripTags(byline ?? ''), tagNames.join('、')].filter(Boolean).join('｜');
  if (!line) return html;
  const at = title + '</h1>'.length;
  return `${html.slice(0, at)}<p data-pagefind-weight="${CREDITS_WEIGHT}">${line}。</p>${html.slice(at)}`;
}
