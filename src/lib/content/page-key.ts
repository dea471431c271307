import { createHash } from 'node:crypto';
import type { ArticlePage } from './article-page.ts';
import { sourceHash } from './source-hash.ts';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * What an article page is made of, each part hashed: the code that renders
 * it, the article itself (its Markdown and checked frontmatter, pictures
 * included by their content-hashed output names), its neighbours' links, and
 * everything else it shows of other content (article-page.ts). The parts
 * together are the page's cache key; apart, they say why a page was rendered
 * again (page-changes.ts).
 */
export function pageParts({ article, newer, older, ...links }: ArticlePage) {
  return {
    code: sourceHash(),
    own: hash({ id: article.id, body: article.body, data: article.data }),
    neighbours: hash({ newer, older }),
    links: hash(links),
  };
}

export type PageParts = ReturnType<typeof pageParts>;

/**
 * The cacheKey of an article page (Astro's experimental incremental build).
 * Equal keys mean an equal page, so Astro copies the page from the last build
 * instead of rendering it. Nothing here is chosen by hand: the page data is
 * hashed whole, so what the layout can show, the key covers.
 */
export const articleCacheKey = (page: ArticlePage): string => hash(pageParts(page));
