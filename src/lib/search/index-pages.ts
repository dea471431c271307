/** The built article pages as the search index sees them: script, date and a hash of what Pagefind reads. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SORT_PREFIX, UNDATED } from './index-attributes.ts';
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
  /** Whether it has a data-pagefind-body to index. */
  indexed: boolean;
}

const BODY = Buffer.from('data-pagefind-body');
const END = Buffer.from('</article>');
const SORT = Buffer.from(SORT_PREFIX);

/**
 * Pagefind reads a page's <html lang> and its data-pagefind-body element; the
 * hash covers exactly those, so a page whose "newer article" link changed
 * (outside the body) keeps its place in the index. The page's bytes are
 * searched and hashed as they are, never decoded whole: at 20,000 pages,
 * decoding each into a string grew the build's heap by 100 MB, which it
 * kept through Pagefind's runs, where the build's memory peaks.
 */
async function pageFacts(site: string, file: string): Promise<PageFacts> {
  const bytes = await readFile(path.join(site, file));
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(bytes.subarray(0, 512).toString('utf8'))?.[1];
  const body = bytes.indexOf(BODY);
  const end = bytes.lastIndexOf(END);
  const indexed = body < 0 ? bytes : bytes.subarray(body, end > body ? end : undefined);
  // The date the page gives Pagefind to sort by (index-attributes.ts); undated sorts first here, as before.
  const sort = indexed.indexOf(SORT);
  const to = sort < 0 ? -1 : indexed.indexOf('"', sort + SORT.length);
  const given = to < 0 ? '' : indexed.subarray(sort + SORT.length, to).toString('utf8');
  const date = given === UNDATED ? '' : given;
  return { file, lang, date, indexed: body >= 0, hash: createHash('sha256').update(`${lang}\n`).update(indexed).digest('hex').slice(0, 32) };
}

/** The article pages of a built site, grouped by article (its page in its own script and its twin). */
export async function currentArticles(site: string): Promise<CurrentArticle[]> {
  const files: string[] = [];
  // Series pages (专题) are searched too; the list of all series (series/index.html) is not.
  for (const folder of ['articles', 'series']) {
    if (!existsSync(path.join(site, folder))) continue;
    files.push(
      ...(await readdir(path.join(site, folder), { recursive: true }))
        .map((file) => `${folder}/${file.split(path.sep).join('/')}`)
        .filter((file) => file.endsWith('.html') && file !== 'series/index.html'),
    );
  }
  files.sort();
  const facts: PageFacts[] = [];
  // A few hundred files open at a time: a 10,000-article site has 20,000 pages.
  for (let i = 0; i < files.length; i += 256) facts.push(...(await Promise.all(files.slice(i, i + 256).map((file) => pageFacts(site, file)))));
  const articles = new Map<string, CurrentArticle>();
  for (const page of facts) {
    const lang = LANGUAGES.find(({ locale }) => locale === page.lang)?.lang;
    if (!lang || !page.indexed) continue;
    const id = articleOf(page.file);
    const article = articles.get(id) ?? { id, order: '', pages: {} };
    article.pages[page.file] = { hash: page.hash, lang };
    // The page in the article's own script carries its date; both carry the same one.
    if (page.date > article.order) article.order = page.date;
    articles.set(id, article);
  }
  return [...articles.values()];
}

