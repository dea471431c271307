import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleMeta, teaser } from '../lib/render/article-meta.ts';
import { listArticles } from '../lib/content/collection.ts';
import { socialImage } from '../lib/render/picture-markup.ts';
import { readSite } from '../lib/content/site.ts';
import { articleUrl } from '../lib/publish/urls.ts';

// A feed needs absolute links: it exists only when the site URL is configured (SITE_URL).
export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { feed: 'rss' } }] : [];
}

// Newest first, capped: a feed is for what is new, not the archive.
const MAX_ITEMS = 50;

export const GET: APIRoute = async ({ site }) => {
  const { name, description } = readSite();
  const articles = (await listArticles()).slice(0, MAX_ITEMS);
  return rss({
    title: name,
    description,
    site: new URL(import.meta.env.BASE_URL, site).href,
    customData: '<language>zh-CN</language>',
    items: await Promise.all(
      articles.map(async ({ id, data, ...article }) => {
        const cover = data.cover && (await socialImage(data.cover));
        return {
          title: data.title,
          link: articleUrl(id),
          description: data.description ?? teaser(articleMeta(article).lead, 200),
          categories: [data.section, ...(data.tags ?? [])],
          ...(data.date ? { pubDate: new Date(data.date) } : {}),
          ...(data.author ? { author: data.author } : {}),
          // The encoded file is written after the feed renders; feed-enclosures.ts fills in its size.
          ...(cover ? { enclosure: { url: new URL(cover.src, site).href, length: 0, type: 'image/jpeg' } } : {}),
        };
      }),
    ),
  });
};
