import { listArticles, ownScript, sectionNeighbours, type Article } from './collection.ts';
import { readSections, type Section } from './sections.ts';
import { readSite } from './site.ts';
import { tagSlugs } from './tags.ts';

/** What a page shows of another article it links to. */
export interface LinkedArticle {
  id: string;
  title: string;
  /** The script it is written in: its link goes to its page in the reader's script. */
  own: 'zh-CN' | 'zh-Hant';
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
  tags: { name: string; slug: string }[];
  /** The next newer and older article in the same section. */
  newer: LinkedArticle | undefined;
  older: LinkedArticle | undefined;
  /**
   * What the page shows of the site: its name (title and header), publisher
   * (JSON-LD) and sections (the header's navigation). BaseLayout reads the
   * same two files for every page; these are what an article page shows of them.
   */
  site: { name: string; publisher: string };
  sections: Section[];
}

const linked = (article: Article | undefined): LinkedArticle | undefined =>
  article && { id: article.id, title: article.data.title, own: ownScript(article) };

/** Each article's page data, newest first; `written` keeps only the articles written in that script. */
export async function articlePages(written?: 'zh-CN' | 'zh-Hant'): Promise<ArticlePage[]> {
  const [articles, neighbours, slugs] = await Promise.all([listArticles(), sectionNeighbours(), tagSlugs()]);
  const sections = readSections();
  const { name, publisher } = readSite();
  return articles
    .filter((article) => !written || ownScript(article) === written)
    .map((article) => {
      const around = neighbours.get(article.id);
      return {
        article,
        own: ownScript(article),
        section: sections.find((s) => s.name === article.data.section),
        tags: (article.data.tags ?? []).map((name) => ({ name, slug: slugs.get(name) ?? '' })),
        newer: linked(around?.newer),
        older: linked(around?.older),
        site: { name, publisher },
        sections,
      };
    });
}
