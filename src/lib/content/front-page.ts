import type { Article } from './collection.ts';
import type { SectionListing } from './listings.ts';

/** How many of a section's newest articles its block on the front page shows. */
export const SECTION_BLOCK_SIZE = 3;

export interface FrontPage {
  /** The story the front leads with; undefined only when no article has a date. */
  lead: Article | undefined;
  /** The rest of the first page of all articles, newest first (the lead left out). */
  latest: Article[];
  /** One block per section that has articles, in sections.json order: its newest three. */
  blocks: SectionListing[];
}

/**
 * What the home page shows, decided here and not in the page (README, "site
 * settings"): the newest dated article with a cover leads (a front page leads
 * with a picture), else the newest dated article; an undated one never leads,
 * since a reader cannot tell how old it is. Then the latest, then each
 * section's newest three. `firstPage` is page 1 of all articles, newest
 * first, as the pagination to /page/2/ continues it.
 */
export function frontPage(firstPage: readonly Article[], all: readonly Article[], sections: readonly SectionListing[]): FrontPage {
  const dated = all.filter((article) => article.data.date);
  const lead = dated.find((article) => article.data.cover) ?? dated[0];
  return {
    lead,
    latest: firstPage.filter((article) => article !== lead),
    blocks: sections.filter((s) => s.articles.length > 0).map((s) => ({ section: s.section, articles: s.articles.slice(0, SECTION_BLOCK_SIZE) })),
  };
}
