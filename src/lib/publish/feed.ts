import rss from '@astrojs/rss';
import { articleBylines } from '../content/authors.ts';
import { lastModified } from '../content/article-schema.ts';
import type { Article } from '../content/collection.ts';
import { readSite } from '../content/site.ts';
import { articleMeta, teaser } from '../render/article-meta.ts';
import { socialImage } from '../render/picture-markup.ts';
import { feedContent } from './feed-content.ts';
import { articleUrl } from './urls.ts';

/**
 * Newest first, capped: a feed is for what is new, not the archive. Full text
 * makes each item the whole article, so a full-text feed holds fewer (Ghost
 * gives 15): 20 long reads are already ~1 MB that a reader polls.
 */
export const MAX_ITEMS = { fullText: 20, summaries: 50 };

export interface FeedInput {
  title: string;
  description: string;
  /** The configured site URL (Astro's `site`): a feed's links are absolute. */
  site: URL | undefined;
  /** This feed's own address (urls.ts), for atom:link rel="self", as the W3C validator asks. */
  href: string;
  /** The articles, in the order readers get them. */
  articles: readonly Article[];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Feed text is the source's own words, which may hold anything: one full-text body memoised per article and build.
const bodies = new Map<string, Promise<string>>();
const fullText = (article: Article, url: string) => {
  const key = `${article.id}\n${article.digest ?? ''}`;
  if (!bodies.has(key)) bodies.set(key, feedContent(article, url));
  return bodies.get(key) as Promise<string>;
};

/**
 * The one RSS generator: the site's feed and each section's, tag's, author's
 * and series' are thin routes that choose the articles. An item names every
 * byline (dc:creator: RSS's own <author> must be an e-mail address), its
 * section and tags, and when it was last updated or corrected (dcterms:modified).
 */
export async function articleFeed({ title, description, site: origin, href, articles }: FeedInput): Promise<Response> {
  const site = new URL(import.meta.env.BASE_URL, origin).href;
  const self = new URL(href, origin).href;
  const credits = await articleBylines();
  const full = readSite().feeds?.full_text !== false;
  return rss({
    title,
    description,
    site,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/', dcterms: 'http://purl.org/dc/terms/' },
    customData: `<language>zh-CN</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all(
      articles.slice(0, full ? MAX_ITEMS.fullText : MAX_ITEMS.summaries).map(async (article) => {
        const { id, data } = article;
        const link = new URL(articleUrl(id), site).href;
        const cover = data.cover && (await socialImage(data.cover));
        const modified = lastModified(data);
        const creators = (credits.get(id) ?? []).map((line) => `<dc:creator>${escapeXml(line.name)}</dc:creator>`);
        return {
          title: data.title,
          link,
          description: data.description ?? teaser(articleMeta(article).lead, 200),
          ...(full ? { content: await fullText(article, link) } : {}),
          categories: [data.section, ...(data.tags ?? [])],
          ...(data.date ? { pubDate: new Date(data.date) } : {}),
          customData: creators.join('') + (modified ? `<dcterms:modified>${modified}</dcterms:modified>` : ''),
          // The encoded file is written after the feed renders; feed-enclosures.ts fills in its size.
          ...(cover ? { enclosure: { url: new URL(cover.src, site).href, length: 0, type: 'image/jpeg' } } : {}),
        };
      }),
    ),
  });
}
