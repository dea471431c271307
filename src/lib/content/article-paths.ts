import { articlePages, type ArticlePage } from './article-page.ts';
import { logPageChanges } from './page-changes.ts';
import { articleCacheKey, pageParts } from './page-key.ts';

/** What both article routes (simplified and traditional) are given for one article. */
export interface ArticlePageProps {
  page: ArticlePage;
}

/**
 * getStaticPaths for the article pages: each article's page data;
 * `written` keeps only the articles written in that script (a twin route
 * converts from it). The cacheKey lets an incremental build copy an
 * unchanged page from the last build (page-key.ts).
 */
export async function articlePaths(
  written?: 'zh-CN' | 'zh-Hant',
): Promise<{ params: { id: string }; props: ArticlePageProps; cacheKey: string }[]> {
  const pages = await articlePages(written);
  // The route of every article (not a twin route's share) says why pages changed since the last build.
  if (!written) logPageChanges(Object.fromEntries(pages.map((page) => [page.article.id, pageParts(page)])));
  return pages.map((page) => ({ params: { id: page.article.id }, props: { page }, cacheKey: articleCacheKey(page) }));
}
