import { getCollection, type CollectionEntry } from 'astro:content';
import { listArticles, type Article } from './collection.ts';

export type SeriesEntry = CollectionEntry<'series'>;

export interface Series {
  entry: SeriesEntry;
  /** Its parts in reading order: by part number, then the unnumbered by date, then title. */
  parts: Article[];
  /** The newest date among the series and its parts: what "newest activity first" sorts by. */
  latest: string;
}

/** Where an article stands in its series. */
export interface SeriesPlace {
  series: Series;
  /** 1-based. */
  position: number;
}

const byPart = (a: Article, b: Article) => {
  const [pa, pb] = [a.data.series_part, b.data.series_part];
  if (pa !== undefined && pb !== undefined) return pa - pb;
  if (pa !== undefined) return -1;
  if (pb !== undefined) return 1;
  return (a.data.date ?? '').localeCompare(b.data.date ?? '') || a.data.title.localeCompare(b.data.title, 'zh-CN') || a.id.localeCompare(b.id);
};

let all: Promise<Series[]> | undefined;

/** Every series with its parts, newest activity first (then by slug); computed once per build. */
export function listSeries(): Promise<Series[]> {
  all ??= Promise.all([getCollection('series'), listArticles()]).then(([entries, articles]) =>
    entries
      .map((entry) => {
        const parts = articles.filter((a) => a.data.series === entry.id).sort(byPart);
        const latest = [entry.data.date ?? '', ...parts.map((p) => p.data.date ?? '')].reduce((a, b) => (b > a ? b : a), '');
        return { entry, parts, latest };
      })
      .sort((a, b) => b.latest.localeCompare(a.latest) || a.entry.id.localeCompare(b.entry.id)),
  );
  return all;
}

let places: Promise<Map<string, SeriesPlace>> | undefined;

/** article id -> its series and place in it. */
export function seriesPlaces(): Promise<Map<string, SeriesPlace>> {
  places ??= listSeries().then((list) => new Map(list.flatMap((series) => series.parts.map((part, i) => [part.id, { series, position: i + 1 }] as const))));
  return places;
}

/** The part published last (the later in reading order when two share a day): what "its latest part" means. */
export function latestPart(series: Series): Article | undefined {
  return series.parts.reduce<Article | undefined>((best, part) => (!best || (part.data.date ?? '') >= (best.data.date ?? '') ? part : best), undefined);
}
