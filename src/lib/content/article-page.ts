import { listArticles, ownScript, sectionNeighbours, type Article } from './collection.ts';
import { correctedOn, lastModified } from './article-schema.ts';
import { articleBylines, type Byline } from './authors.ts';
import { relatedArticles } from './related-lists.ts';
import { seriesPlaces } from './series.ts';
import type { Section } from './sections.ts';
import { siteChrome, type SiteChrome } from './site-chrome.ts';
import { tagSlugs } from './tags.ts';

/** What a page shows of another article it links to. */
export interface LinkedArticle {
  id: string;
  title: string;
  /** The script it is written in: its link goes to its page in the reader's script. */
  own: 'zh-CN' | 'zh-Hant';
}

/** The series (专题) an article is part of, as its page shows it: the line under the title and the list at the end. */
export interface SeriesOnPage {
  id: string;
  title: string;
  /** 1-based. */
  position: number;
  /** Every part in reading order. */
  parts: LinkedArticle[];
}

/**
 * Everything an article page shows: the article itself, and all it shows of
 * other content (its section, its tags' addresses, its neighbours, the
 * site's name and sections in the header). The article layout renders from
 * this alone, so the page's cache key (page-key.ts), which hashes it whole,
 * changes whenever anything the page shows changes: a new feature that puts
 * something on the page puts it here, and the key follows.
 */
export interface ArticlePage {
  article: Article;
  own: 'zh-CN' | 'zh-Hant';
  section: Section | undefined;
  /** The day it last changed (updated, or its newest correction), and the newest correction's day. */
  modified: string | undefined;
  correctedOn: string | undefined;
  /** Who is credited, in order, with their roles and author pages. */
  bylines: Byline[];
  tags: { name: string; slug: string }[];
  /** The next newer and older article in the same section. */
  newer: LinkedArticle | undefined;
  older: LinkedArticle | undefined;
  series: SeriesOnPage | undefined;
  /** 相关阅读 (related-lists.ts), with their dates. */
  related: (LinkedArticle & { date: string | undefined })[];
  /** What every page shows of the site around its content (site-chrome.ts), as BaseLayout draws it. */
  site: SiteChrome;
}

const linked = (article: Article | undefined): LinkedArticle | undefined =>
  article && { id: article.id, title: article.data.title, own: ownScript(article) };

/** Each article's page data, newest first; `written` keeps only the articles written in that script. */
export async function articlePages(written?: 'zh-CN' | 'zh-Hant'): Promise<ArticlePage[]> {
  const [articles, neighbours, slugs, places, related] = await Promise.all([
    listArticles(),
    sectionNeighbours(),
    tagSlugs(),
    seriesPlaces(),
    relatedArticles(),
  ]);
  const credits = await articleBylines();
  const site = await siteChrome();
  const sections = site.sections;
  return articles
    .filter((article) => !written || ownScript(article) === written)
    .map((article) => {
      const around = neighbours.get(article.id);
      const place = places.get(article.id);
      return {
        article,
        own: ownScript(article),
        section: sections.find((s) => s.name === article.data.section),
        modified: lastModified(article.data),
        correctedOn: correctedOn(article.data),
        bylines: credits.get(article.id) ?? [],
        tags: (article.data.tags ?? []).map((name) => ({ name, slug: slugs.get(name) ?? '' })),
        newer: linked(around?.newer),
        older: linked(around?.older),
        series: place && {
          id: place.series.entry.id,
          title: place.series.entry.data.title,
          position: place.position,
          parts: place.series.parts.flatMap((part) => linked(part) ?? []),
        },
        related: (related.get(article.id) ?? []).flatMap((other) => {
          const link = linked(other);
          return link ? [{ ...link, date: other.data.date }] : [];
        }),
        site,
      };
    });
}
