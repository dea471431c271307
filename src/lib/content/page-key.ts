import { createHash } from 'node:crypto';
import type { Article, Neighbours } from './collection.ts';
import { readSections } from './sections.ts';
import { readSite } from './site.ts';
import { sourceHash } from './source-hash.ts';

/** What a page shows of a neighbour: its link and title. */
const neighbourKey = (article: Article | undefined) => article && { id: article.id, title: article.data.title, lang: article.data.lang };

/**
 * The cacheKey of an article page (Astro's experimental incremental build):
 * the article's Markdown and checked frontmatter (pictures included, by their
 * content-hashed output names), the neighbours its page links to, the site's
 * sections and name, and the code that renders it. Equal keys mean an equal
 * page, so Astro copies the page from the last build instead of rendering it.
 */
export function articleCacheKey(article: Article, neighbours: Neighbours): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        code: sourceHash(),
        id: article.id,
        body: article.body,
        data: article.data,
        newer: neighbourKey(neighbours.newer),
        older: neighbourKey(neighbours.older),
        sections: readSections(),
        site: readSite(),
      }),
    )
    .digest('hex');
}
