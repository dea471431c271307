import { getCollection, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'articles'>;

/** The script an article is written in. */
export const ownScript = (article: Article): 'zh-CN' | 'zh-Hant' => article.data.lang ?? 'zh-CN';

export interface Neighbours {
  /** The next newer article in the same section. */
  newer: Article | undefined;
  /** The next older article in the same section. */
  older: Article | undefined;
}

let sorted: Promise<Article[]> | undefined;

/**
 * All articles, newest first where a date is known, then by slug so the order
 * never wobbles. Sorted once per build: every page asks for it.
 */
export function listArticles(): Promise<Article[]> {
  sorted ??= getCollection('articles').then((articles) =>
    articles.sort((a, b) => (b.data.date ?? '').localeCompare(a.data.date ?? '') || a.id.localeCompare(b.id)),
  );
  return sorted;
}

/** Every article's title and Markdown body: the words search's 简/繁 and regional tables are cut down to. */
export async function siteText(): Promise<string> {
  return (await listArticles()).map((a) => `${a.data.title}\n${a.body ?? ''}`).join('\n');
}

let neighbourMap: Promise<Map<string, Neighbours>> | undefined;

/** Each article's newer and older neighbour within its section, in one pass, once per build (both article routes ask). */
export function sectionNeighbours(): Promise<Map<string, Neighbours>> {
  neighbourMap ??= findNeighbours();
  return neighbourMap;
}

async function findNeighbours(): Promise<Map<string, Neighbours>> {
  const bySection = new Map<string, Article[]>();
  for (const article of await listArticles()) {
    const list = bySection.get(article.data.section) ?? [];
    list.push(article);
    bySection.set(article.data.section, list);
  }
  const neighbours = new Map<string, Neighbours>();
  for (const list of bySection.values()) {
    list.forEach((article, i) => neighbours.set(article.id, { newer: list[i - 1], older: list[i + 1] }));
  }
  return neighbours;
}
