import { listArticles, type Article } from './collection.ts';

export interface PublishedCorrection {
  date: string;
  text: string;
  article: Article;
}

/** Every correction on the site, newest first (then by article, as listings are): the newsroom's public record. */
export async function listCorrections(): Promise<PublishedCorrection[]> {
  const all = (await listArticles()).flatMap((article) => (article.data.corrections ?? []).map((c) => ({ ...c, article })));
  // listArticles is newest first; a stable sort keeps that order among corrections of one day.
  return all.sort((a, b) => b.date.localeCompare(a.date));
}
