import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleMeta, teaser } from '../lib/article-meta.ts';
import { listArticles } from '../lib/collection.ts';
import { readSite } from '../lib/site.ts';
import { articleUrl } from '../lib/urls.ts';

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
    items: articles.map((article) => ({
      title: article.data.title,
      link: articleUrl(article.id),
      description: teaser(articleMeta(article).lead, 200),
      categories: [article.data.section],
      ...(article.data.date ? { pubDate: new Date(article.data.date) } : {}),
      ...(article.data.author ? { author: article.data.author } : {}),
    })),
  });
};
