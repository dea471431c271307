import { listArticles, type Article } from './collection.ts';

/** The archive's name for the articles that state no date. */
export const UNDATED = 'undated';

export interface ArchiveYear {
  /** "2024", or UNDATED. */
  year: string;
  /** Newest first, as every listing. */
  articles: Article[];
}

let years: Promise<ArchiveYear[]> | undefined;

/** Every year that has articles, newest first, then the undated ones; once per build. */
export function archiveYears(): Promise<ArchiveYear[]> {
  years ??= listArticles().then((articles) => {
    const byYear = new Map<string, Article[]>();
    for (const article of articles) {
      const year = article.data.date?.slice(0, 4) ?? UNDATED;
      byYear.set(year, [...(byYear.get(year) ?? []), article]);
    }
    const dated = [...byYear.keys()].filter((y) => y !== UNDATED).sort().reverse();
    return [...dated, ...(byYear.has(UNDATED) ? [UNDATED] : [])].map((year) => ({ year, articles: byYear.get(year) ?? [] }));
  });
  return years;
}

export interface MonthGroup {
  /** "2024-03", or '' for undated articles. */
  month: string;
  articles: Article[];
}

/** A page of a year's articles grouped by month, in the order given (newest first). */
export function byMonth(articles: readonly Article[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const article of articles) {
    const month = article.data.date?.slice(0, 7) ?? '';
    const last = groups.at(-1);
    if (last?.month === month) last.articles.push(article);
    else groups.push({ month, articles: [article] });
  }
  return groups;
}
