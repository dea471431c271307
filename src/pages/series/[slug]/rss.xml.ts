import type { APIRoute } from 'astro';
import { readSite } from '../../../lib/content/site.ts';
import { listSeries, type Series } from '../../../lib/content/series.ts';
import { articleFeed } from '../../../lib/publish/feed.ts';
import { seriesFeedUrl } from '../../../lib/publish/urls.ts';

// Absolute links only: like the site's feed, it exists when the site URL is configured.
export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  return (await listSeries()).map((series) => ({ params: { slug: series.entry.id }, props: { series } }));
}

/** A series' parts, newest first as a feed reader expects: a reader subscribes to hear of the next part. */
export const GET: APIRoute<{ series: Series }> = async ({ site, props: { series } }) => {
  const newest = [...series.parts].sort((a, b) => (b.data.date ?? '').localeCompare(a.data.date ?? ''));
  return articleFeed({
    title: `${series.entry.data.title} · ${readSite().name}`,
    description: series.entry.data.description,
    site,
    href: seriesFeedUrl(series.entry.id),
    articles: newest,
  });
};
