import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ScrapeError } from '../parse-scrape.ts';
import { readMetadata, type PageMetadata } from './metadata.ts';
import { confirmed, recheck, type Rule } from './stated.ts';

export interface Extracted {
  /** What the whole page states about itself (metadata.ts), read before Readability changed it. */
  metadata: PageMetadata;
  /** Readability's article body, as a DOM of its own. */
  content: Document;
  /** Readability's title and byline, as hints only (metadata.ts decides). */
  title: string;
  byline: string;
  lang: string;
  /** Which rule chose the text: Readability, or the check against what the page states (stated.ts). */
  rule: Rule;
}

/**
 * A page -> its article, with Mozilla Readability on linkedom's DOM. linkedom
 * parses these pages in 30-140 ms where jsdom takes several times as long,
 * and Readability only needs the DOM core it implements (the same pages come
 * out as Readability's own expected.html). A page Readability does not take
 * for an article (a list of links, a login form) is refused.
 */
export function extractArticle(html: string, url: string | undefined): Extracted {
  // Parsed once (a 10 MB page takes seconds): the metadata is read before Readability changes the document.
  const work = parseHTML(html).document as unknown as Document;
  const metadata = readMetadata(work, url);
  // Readability's defaults count English words: 140 characters make a paragraph. A Chinese
  // character carries about a word, so a 40-character paragraph already counts here.
  const readerable = isProbablyReaderable(work, { minContentLength: 40, minScore: 20 });
  const article = new Readability(work, { keepClasses: false, charThreshold: 200 }).parse();
  // Many Chinese pages set their story in <div>s and <br>s, not <p>s, and fail the quick test
  // above; the story Readability still finds stands when the page's own description confirms it.
  if (!readerable && !(article?.textContent && confirmed(article.textContent, metadata, metadata.title ?? article.title ?? ''))) {
    throw new ScrapeError('not an article: the page has no run of prose to extract (a list of links, a form or an index page?)');
  }
  if (!article?.content || (article.textContent ?? '').trim().length < 100) {
    throw new ScrapeError('not an article: Readability found no article text on the page');
  }
  const title = article.title ?? '';
  const rechosen = recheck(html, article.textContent ?? '', metadata, metadata.title ?? title);
  const content = parseHTML(`<!doctype html><html><body>${rechosen?.content ?? article.content}</body></html>`).document as unknown as Document;
  return { metadata, content, title, byline: rechosen?.byline || article.byline || '', lang: article.lang ?? '', rule: rechosen?.rule ?? (readerable ? 'Readability' : 'Readability, confirmed by metadata') };
}
