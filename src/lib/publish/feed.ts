import rss from '@astrojs/rss';
import { articleBylines } from '../content/authors.ts';
import type { Article } from '../content/collection.ts';
import { articleMeta, teaser } from '../render/article-meta.ts';
import { socialImage } from '../render/picture-markup.ts';
import { articleUrl } from './urls.ts';

// Newest first, capped: a feed is for what is new, not the archive.
export const MAX_ITEMS = 50;

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the site's root (its base included). */
  site: string;
  /** The articles, in the order readers get them. */
  articles: readonly Article[];
}

/**
 * The one RSS generator: the site's feed and each series' (later each
 * section's, tag's and author's) are thin routes that choose the articles.
 */
export async function articleFeed({ title, description, site, articles }: FeedInput): Promise<Response> {
  const credits = await articleBylines();
  return rss({
    title,
    description,
    site,
    customData: '<language>zh-CN</language>',
    items: await Promise.all(
      articles.slice(0, MAX_ITEMS).map(async ({ id, data, ...article }) => {
        const cover = data.cover && (await socialImage(data.cover));
        return {
          title: data.title,
          link: articleUrl(id),
          description: data.description ?? teaser(articleMeta(article).lead, 200),
          categories: [data.section, ...(data.tags ?? [])],
          ...(data.date ? { pubDate: new Date(data.date) } : {}),
          // Every byline's name, as listings show them (authors: or the older author:).
          ...((credits.get(id) ?? []).length ? { author: (credits.get(id) ?? []).map((line) => line.name).join('、') } : {}),
          // The encoded file is written after the feed renders; feed-enclosures.ts fills in its size.
          ...(cover ? { enclosure: { url: new URL(cover.src, site).href, length: 0, type: 'image/jpeg' } } : {}),
        };
      }),
    ),
  });
}
