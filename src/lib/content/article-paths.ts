import { listArticles, ownScript, sectionNeighbours, type Article, type Neighbours } from './collection.ts';
import { articleCacheKey } from './page-key.ts';

/** What both article routes (simplified and traditional) are given for one article. */
export interface ArticlePageProps {
  article: Article;
  neighbours: Neighbours;
}

/**
 * getStaticPaths for the article pages: each article with its section
 * neighbours; `written` keeps only the articles written in that script
 * (a twin route converts from it). The cacheKey lets an incremental build
 * copy an unchanged page from the last build (page-key.ts).
 */
export async function articlePaths(
  written?: 'zh-CN' | 'zh-Hant',
): Promise<{ params: { id: string }; props: ArticlePageProps; cacheKey: string }[]> {
  const neighbours = await sectionNeighbours();
  return (await listArticles())
    .filter((article) => !written || ownScript(article) === written)
    .map((article) => {
      const around = neighbours.get(article.id) ?? { newer: undefined, older: undefined };
      return { params: { id: article.id }, props: { article, neighbours: around }, cacheKey: articleCacheKey(article, around) };
    });
}
