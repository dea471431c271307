import { readSections, type Section } from './sections.ts';
import { listSeries } from './series.ts';
import { readSite } from './site.ts';

/**
 * What every page shows of the site around its own content: the name (title,
 * header, footer), the publisher (JSON-LD), the sections in the header, and
 * whether there are series (the 专题 link). BaseLayout draws it for every
 * page; an article page's data carries the same object (article-page.ts), so
 * its cache key changes whenever the frame around the article does.
 */
export interface SiteChrome {
  name: string;
  publisher: string;
  sections: Section[];
  hasSeries: boolean;
}

let chrome: Promise<SiteChrome> | undefined;

export function siteChrome(): Promise<SiteChrome> {
  chrome ??= listSeries().then((series) => {
    const { name, publisher } = readSite();
    return { name, publisher, sections: readSections(), hasSeries: series.length > 0 };
  });
  return chrome;
}
