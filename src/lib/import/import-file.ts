import path from 'node:path';
import { SLUG_PATTERN } from '../content/article-file.ts';
import { detectKind, type InputKind } from './html/detect.ts';
import { importPage, type ImportedPage } from './html/import-html.ts';
import { readMhtml } from './html/mhtml.ts';
import { importScrape } from './import-scrape.ts';
import { ScrapeError } from './parse-scrape.ts';
import { slugFromTitle } from '../content/slug.ts';
import { articleFileText } from './to-markdown.ts';

export interface ImportRequest {
  bytes: Uint8Array;
  /** The input file, for its folder (a saved page's files) and messages; or the address the page was fetched from. */
  file: string;
  /** Set when the page came from the web: its address after redirects and the charset its Content-Type named. */
  fetched?: { url: string; charset: string | undefined } | undefined;
  section?: string | undefined;
  slug?: string | undefined;
  /** The page's address when the page does not say it (--url). */
  url?: string | undefined;
  /** Downloads a remote picture; absent, remote pictures stay links. */
  download?: ((url: string) => Promise<Uint8Array>) | undefined;
}

export interface Imported {
  kind: InputKind;
  slug: string;
  title: string;
  section: string;
  /** The whole content file, given the section's final name. */
  text: string;
  sourceUrl: string | undefined;
  paragraphs: number;
  pictures: { name: string; bytes: Uint8Array }[];
  linked: { src: string; url: string | undefined; why: string }[];
  dropped: { src: string; why: string }[];
  lang: 'zh-CN' | 'zh-Hant';
  /** Where a saved page's address came from (Chrome's comment, SingleFile's header, an MHTML file), when it did. */
  saved: ImportedPage['saved'];
  /** Which rule chose the text: the scrape rules, Readability, or the metadata check. */
  rule: ImportedPage['rule'] | 'scrape rules';
  /** How many sections (## headings) the article has. */
  sections: number;
}

/**
 * One input file -> the article it becomes, whatever its kind (a saved web
 * page or a text scrape, told apart by content). Pure apart from reading a
 * saved page's own picture files and downloading through request.download.
 */
export async function importFile(request: ImportRequest): Promise<Imported> {
  const kind = detectKind(request.bytes);
  if (kind === 'scrape') {
    const article = importScrape(request.bytes, { section: request.section, slug: request.slug });
    const blocks = article.file.split('\n\n');
    const paragraphs = blocks.filter((block) => !block.startsWith('---') && !block.startsWith('## ')).length;
    const sections = blocks.filter((block) => block.startsWith('## ')).length;
    return { kind, ...article, text: article.file, sourceUrl: undefined, paragraphs, pictures: [], linked: [], dropped: [], lang: 'zh-CN', saved: undefined, rule: 'scrape rules', sections };
  }
  const { fetched } = request;
  // An MHTML save carries its pictures inside it, by address: no folder beside it to read.
  const mhtml = kind === 'mhtml' ? readMhtml(request.bytes) : undefined;
  const page = await importPage(mhtml?.html ?? request.bytes, {
    pageDir: fetched || mhtml ? undefined : path.dirname(request.file),
    pageUrl: request.url ?? fetched?.url,
    charset: fetched?.charset ?? mhtml?.charset,
    carried: mhtml?.parts,
    saved: mhtml && { tool: 'MHTML', url: mhtml.url, savedAt: mhtml.savedAt },
    download: request.download,
  });
  const { metadata } = page;
  const section = request.section ?? metadata.section;
  if (!section) throw new ScrapeError('no section: the page names none (no breadcrumb, no article:section); pass --section');
  const slug = request.slug ?? slugFromTitle(metadata.title);
  if (!SLUG_PATTERN.test(slug)) throw new ScrapeError(`slug "${slug}" must be lowercase ASCII words joined by "-"`);
  const text = articleFileText(
    metadata.title,
    section,
    {
      author: metadata.author,
      date: metadata.date,
      description: metadata.description,
      source_url: metadata.sourceUrl,
      publisher: metadata.publisher,
      lang: page.lang === 'zh-Hant' ? 'zh-Hant' : undefined,
    },
    page.markdown,
  );
  return {
    kind,
    slug,
    title: metadata.title,
    section,
    text,
    sourceUrl: metadata.sourceUrl,
    paragraphs: page.paragraphs,
    pictures: page.local,
    linked: page.linked,
    dropped: page.dropped,
    lang: page.lang,
    saved: page.saved,
    rule: page.rule,
    sections: page.sections,
  };
}
