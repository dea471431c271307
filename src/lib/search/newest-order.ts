import type { CurrentArticle, Segment } from './index-plan.ts';

/** The file of a language's newest-first list, under pagefind/; the browser asks for it by this name (src/client/search/pagefind-api.ts, which may not import build code). */
export const newestFile = (lang: string): string => `yuedu-newest.${lang}.txt`;

/**
 * Each language's indexed pages as Pagefind ids, newest first (by the date
 * search sorts by; undated last; one date's articles by their ids), one per
 * line without the `<lang>_` prefix every id carries. The browser sorts a
 * search's results by this list for 最新 instead of asking Pagefind to:
 * Pagefind 1.6 finds each result's place in its date list by scanning the
 * list (quadratic: a broad query at 10,000 articles took 30 ms more than by
 * relevance), and its places are counted per bundle, so results merged from
 * several bundles interleave their dates. 7 hex digits make about 4 bytes
 * per page once compressed.
 */
export function newestOrder(segments: { segment: Segment; dropped: readonly string[] }[], current: readonly CurrentArticle[]): Record<string, string> {
  const articleOf = new Map<string, CurrentArticle>();
  for (const article of current) for (const file of Object.keys(article.pages)) articleOf.set(file, article);
  const byLang = new Map<string, { order: string; article: string; id: string }[]>();
  for (const { segment, dropped } of segments) {
    const hidden = new Set(dropped);
    for (const [file, page] of Object.entries(segment.pages)) {
      const article = articleOf.get(file);
      if (hidden.has(page.id) || !article) continue;
      const pages = byLang.get(page.lang) ?? [];
      pages.push({ order: article.order, article: article.id, id: page.id });
      byLang.set(page.lang, pages);
    }
  }
  return Object.fromEntries(
    [...byLang].map(([lang, pages]) => {
      pages.sort((a, b) => b.order.localeCompare(a.order) || a.article.localeCompare(b.article) || a.id.localeCompare(b.id));
      return [lang, pages.map(({ id }) => id.slice(id.indexOf('_') + 1)).join('\n')];
    }),
  );
}
