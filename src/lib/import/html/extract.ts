import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ScrapeError } from '../parse-scrape.ts';

export interface Extracted {
  /** The whole page, for its metadata. */
  page: Document;
  /** Readability's article body, as a DOM of its own. */
  content: Document;
  /** Readability's title and byline, as hints only (metadata.ts decides). */
  title: string;
  byline: string;
  lang: string;
}

/**
 * A page -> its article, with Mozilla Readability on linkedom's DOM. linkedom
 * parses these pages in 30-140 ms where jsdom takes several times as long,
 * and Readability only needs the DOM core it implements (the same pages come
 * out as Readability's own expected.html). A page Readability does not take
 * for an article (a list of links, a login form) is refused.
 */
export function extractArticle(html: string): Extracted {
  // Readability changes the document it reads, so it gets a copy of its own.
  const page = parseHTML(html).document as unknown as Document;
  const work = parseHTML(html).document as unknown as Document;
  if (!isProbablyReaderable(work, { minContentLength: 100, minScore: 20 })) {
    throw new ScrapeError('not an article: the page has no run of prose to extract (a list of links, a form or an index page?)');
  }
  const article = new Readability(work, { keepClasses: false, charThreshold: 200 }).parse();
  if (!article?.content || (article.textContent ?? '').trim().length < 100) {
    throw new ScrapeError('not an article: Readability found no article text on the page');
  }
  const content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as Document;
  return { page, content, title: article.title ?? '', byline: article.byline ?? '', lang: article.lang ?? '' };
}
