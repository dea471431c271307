import { getCollection, type CollectionEntry } from 'astro:content';
import { listArticles, type Article } from './collection.ts';
import { readSite } from './site.ts';

export type AuthorEntry = CollectionEntry<'authors'>;

/** One credit under an article's title, as its page and listings show it. */
export interface Byline {
  name: string;
  /** 记者, 编辑, 摄影…: free text, shown before the name. */
  role: string | undefined;
  /** The author file it names, when there is one: the byline links to its page. */
  slug: string | undefined;
  /** The author's 职务, for JSON-LD jobTitle. */
  jobTitle: string | undefined;
  /** A newsroom or agency (site.json "organizations"): Organization, not Person, in JSON-LD. */
  organization: boolean;
}

export interface Author {
  entry: AuthorEntry;
  /** Newest first, as every listing; with the role this author had, and whether theirs is the first byline. */
  articles: { article: Article; role: string | undefined; first: boolean }[];
}

type Credit = string | { name: string; role?: string | undefined };

let byId: Promise<Map<string, AuthorEntry>> | undefined;
const authorEntries = () => (byId ??= getCollection('authors').then((entries) => new Map(entries.map((e) => [e.id, e]))));

/** An article's bylines in order: `authors` resolved against the author files, or the one `author` name. */
export function bylinesOf(article: Article, authors: ReadonlyMap<string, AuthorEntry>): Byline[] {
  const organizations = new Set(readSite().organizations ?? []);
  const credits: Credit[] = article.data.authors ?? (article.data.author ? [article.data.author] : []);
  return credits.map((credit) => {
    const { name, role } = typeof credit === 'string' ? { name: credit, role: undefined } : credit;
    const entry = authors.get(name);
    const shown = entry?.data.name ?? name;
    return { name: shown, role, slug: entry?.id, jobTitle: entry?.data.title, organization: organizations.has(shown) };
  });
}

let bylines: Promise<Map<string, Byline[]>> | undefined;

/** article id -> its bylines; once per build (article pages, listings and author pages ask). */
export function articleBylines(): Promise<Map<string, Byline[]>> {
  bylines ??= Promise.all([listArticles(), authorEntries()]).then(([articles, authors]) => new Map(articles.map((a) => [a.id, bylinesOf(a, authors)])));
  return bylines;
}

let all: Promise<Author[]> | undefined;

/** Every author with a file, by name (as a Chinese reader sorts), with their articles. */
export function listAuthors(): Promise<Author[]> {
  all ??= Promise.all([listArticles(), authorEntries(), articleBylines()]).then(([articles, authors, credits]) =>
    [...authors.values()]
      .map((entry) => ({
        entry,
        articles: articles.flatMap((article) => {
          const lines = credits.get(article.id) ?? [];
          const at = lines.findIndex((line) => line.slug === entry.id);
          return at < 0 ? [] : [{ article, role: lines[at]?.role, first: at === 0 }];
        }),
      }))
      .sort((a, b) => a.entry.data.name.localeCompare(b.entry.data.name, 'zh-CN') || a.entry.id.localeCompare(b.entry.id)),
  );
  return all;
}
