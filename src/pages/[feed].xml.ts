import type { APIRoute } from 'astro';
import { listArticles } from '../lib/content/collection.ts';
import { readSite } from '../lib/content/site.ts';
import { articleFeed } from '../lib/publish/feed.ts';
import { siteFeedUrl } from '../lib/publish/urls.ts';

// A feed needs absolute links: it exists only when the site URL is configured (SITE_URL).
export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { feed: 'rss' } }] : [];
}

export const GET: APIRoute = async ({ site }) => {
  const { name, description } = readSite();
  return articleFeed({ title: name, description, site, href: siteFeedUrl(), articles: await listArticles() });
};
