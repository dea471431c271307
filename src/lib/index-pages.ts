/** The built article pages as the search index sees them: script, date and a hash of what Pagefind reads. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleOf, type CurrentArticle } from './index-plan.ts';

/**
 * The pages to index: only article pages carry data-pagefind-body, so naming
 * them spares Pagefind parsing listings. Each goes to the index of its
 * <html lang> (an article written in traditional characters has its own page
 * in zh-Hant and its twin in zh-CN), segmented in the locale the browser
 * uses for that language's queries.
 */
export const LANGUAGES = [
  { lang: 'zh-cn', locale: 'zh-CN' },
  { lang: 'zh-hant', locale: 'zh-Hant' },
];

/** What the index needs of a built article page: its script, its date, and a hash of what Pagefind reads. */
interface PageFacts {
  file: string;
  lang: string | undefined;
  date: string;
  hash: string;
}

/**
 * Pagefind reads a page's <html lang> and its data-pagefind-body element; the
 * hash covers exactly those, so a page whose "newer article" link changed
 * (outside the body) keeps its place in the index.
 */
async function pageFacts(site: string, file: string): Promise<PageFacts> {
  const html = await readFile(path.join(site, file), 'utf8');
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html.slice(0, 512))?.[1];
  const body = html.indexOf('data-pagefind-body');
  const end = html.lastIndexOf('</article>');
  const indexed = body < 0 ? html : html.slice(body, end > body ? end : undefined);
  const date = /<time datetime="([^"]+)"/.exec(indexed)?.[1] ?? '';
  return { file, lang, date, hash: createHash('sha256').update(`${lang}\n${indexed}`).digest('hex').slice(0, 32) };
}

/** The article pages of a built site, grouped by article (its page in its own script and its twin). */
export async function currentArticles(site: string): Promise<CurrentArticle[]> {
  const files = (await readdir(path.join(site, 'articles'), { recursive: true }))
    .map((file) => `articles/${file.split(path.sep).join('/')}`)
    .filter((file) => file.endsWith('.html'))
    .sort();
  const facts: PageFacts[] = [];
  // A few hundred files open at a time: a 10,000-article site has 20,000 pages.
  for (let i = 0; i < files.length; i += 256) facts.push(...(await Promise.all(files.slice(i, i + 256).map((file) => pageFacts(site, file)))));
  const articles = new Map<string, CurrentArticle>();
  for (const page of facts) {
    const lang = LANGUAGES.find(({ locale }) => locale === page.lang)?.lang;
    if (!lang) continue;
    const id = articleOf(page.file);
    const article = articles.get(id) ?? { id, order: '', pages: {} };
    article.pages[page.file] = { hash: page.hash, lang };
    // The page in the article's own script carries its date; both carry the same one.
    if (page.date > article.order) article.order = page.date;
    articles.set(id, article);
  }
  return [...articles.values()];
}

