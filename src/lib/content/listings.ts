import { listArticles, type Article } from './collection.ts';
import { readSections, type Section } from './sections.ts';

export interface SectionListing {
  section: Section;
  /** Newest first, as every listing. */
  articles: Article[];
}

let sections: Promise<SectionListing[]> | undefined;

/** Each section with its articles, once per build: its pages and its feed list the same. */
export function sectionListings(): Promise<SectionListing[]> {
  sections ??= listArticles().then((articles) =>
    readSections().map((section) => ({ section, articles: articles.filter((a) => a.data.section === section.name) })),
  );
  return sections;
}
