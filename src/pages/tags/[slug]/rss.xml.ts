import type { APIRoute } from 'astro';
import { readSite } from '../../../lib/content/site.ts';
import { listTags, type Tag } from '../../../lib/content/tags.ts';
import { articleFeed } from '../../../lib/publish/feed.ts';
import { tagFeedUrl } from '../../../lib/publish/urls.ts';

// Absolute links only: like the site's feed, it exists when the site URL is configured.
export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  return (await listTags()).map((tag) => ({ params: { slug: tag.slug }, props: { tag } }));
}

/** A tag's newest articles: the same list its pages show. */
export const GET: APIRoute<{ tag: Tag }> = ({ site, props: { tag } }) =>
  articleFeed({
    title: `标签：${tag.name} · ${readSite().name}`,
    description: `${readSite().name}标有“${tag.name}”的最新文章`,
    site,
    href: tagFeedUrl(tag.slug),
    articles: tag.articles,
  });
