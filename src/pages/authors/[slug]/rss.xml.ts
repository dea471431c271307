import type { APIRoute } from 'astro';
import { listAuthors, type Author } from '../../../lib/content/authors.ts';
import { readSite } from '../../../lib/content/site.ts';
import { articleFeed } from '../../../lib/publish/feed.ts';
import { authorFeedUrl } from '../../../lib/publish/urls.ts';

// Absolute links only: like the site's feed, it exists when the site URL is configured.
export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  return (await listAuthors()).map((author) => ({ params: { slug: author.entry.id }, props: { author } }));
}

/** An author's newest articles, whatever their role in each: the same list their page shows. */
export const GET: APIRoute<{ author: Author }> = ({ site, props: { author } }) =>
  articleFeed({
    title: `${author.entry.data.name} · ${readSite().name}`,
    description: `${readSite().name}：${author.entry.data.name}${author.entry.data.title ? `（${author.entry.data.title}）` : ''}的最新文章`,
    site,
    href: authorFeedUrl(author.entry.id),
    articles: author.articles.map((a) => a.article),
  });
