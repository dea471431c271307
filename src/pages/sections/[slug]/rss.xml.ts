import type { APIRoute } from 'astro';
import { sectionListings, type SectionListing } from '../../../lib/content/listings.ts';
import { readSite } from '../../../lib/content/site.ts';
import { articleFeed } from '../../../lib/publish/feed.ts';
import { sectionFeedUrl } from '../../../lib/publish/urls.ts';

// Absolute links only: like the site's feed, it exists when the site URL is configured.
export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  return (await sectionListings()).map((listing) => ({ params: { slug: listing.section.slug }, props: { listing } }));
}

/** A section's newest articles: the same list its pages show. */
export const GET: APIRoute<{ listing: SectionListing }> = ({ site, props: { listing } }) =>
  articleFeed({
    title: `${listing.section.name} · ${readSite().name}`,
    description: `${readSite().name}${listing.section.name}栏目的最新文章`,
    site,
    href: sectionFeedUrl(listing.section.slug),
    articles: listing.articles,
  });
