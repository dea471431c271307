import { Converter } from 'opencc-js/t2cn';
import { ScrapeError } from '../parse-scrape.ts';
import { decodeHtml } from './decode.ts';
import { extractArticle } from './extract.ts';
import { withArticleLines, type PageMetadata } from './metadata.ts';
import { settlePicture, type PictureSource, type SettledPicture } from './pictures.ts';
import { savedBy, type SavedBy } from './saved-by.ts';
import { letters, type Rule } from './stated.ts';
import { articleMarkdown, pictureSrc } from './to-markdown.ts';

export interface ImportedPage {
  metadata: PageMetadata & { title: string };
  /** zh-Hant when the page is written in traditional characters (kept as written). */
  lang: 'zh-CN' | 'zh-Hant';
  markdown: string;
  paragraphs: number;
  /** Pictures brought local, one file each (twins share a name). */
  local: { name: string; bytes: Uint8Array }[];
  /** Pictures left as links (or as words, without an address), with why. */
  linked: { src: string; url: string | undefined; why: string }[];
  /** Spacers and icons left out, with why. */
  dropped: { src: string; why: string }[];
  /** What the saving browser or extension wrote about the page, when the import took its address from it. */
  saved: SavedBy | undefined;
  /** Which rule chose the text (Readability, or the metadata check). */
  rule: Rule;
  /** How many sections (## headings) the article has. */
  sections: number;
}

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const HAN = /\p{Script=Han}/gu;

/**
 * Traditional script by the page's own word (lang zh-TW, zh-HK, zh-Hant),
 * or failing that by the text: in traditional writing a good share of the
 * characters have simplified forms (over 5%), in simplified almost none do.
 */
function isTraditional(lang: string | undefined, text: string): boolean {
  if (lang && /^zh[-_](?:tw|hk|mo|hant)/i.test(lang)) return true;
  if (lang && /^zh[-_](?:cn|sg|hans)/i.test(lang)) return false;
  const han = text.match(HAN) ?? [];
  if (han.length < 50) return false;
  const simplified = [...toSimplified(han.join(''))];
  const changed = han.filter((char, i) => simplified[i] !== char).length;
  return changed / han.length > 0.05;
}

/**
 * The page's description, unless it is only the article's opening run together (many Chinese
 * CMSs fill <meta name=description> with the body's first 200 characters, caption and
 * sub-headings and all): that says nothing the article does not, and reads as garbage.
 */
function ownDescription(description: string | undefined, markdown: string): string | undefined {
  if (!description) return undefined;
  const opening = letters(description).slice(0, 40);
  return [...opening].length >= 20 && letters(markdown).includes(opening) ? undefined : description;
}

/**
 * A saved web page -> the article it carries: metadata, Markdown and its
 * pictures. `from` says where the page's own files are and whether remote
 * pictures may be downloaded. Throws ScrapeError with the reason for a page
 * that cannot be read or is not an article.
 */
export async function importPage(
  bytes: Uint8Array,
  from: PictureSource & { charset?: string | undefined; saved?: SavedBy | undefined },
): Promise<ImportedPage> {
  const { text } = decodeHtml(bytes, from.charset);
  // The address the page was saved from is its address (for source_url and its pictures) unless one was given.
  const saved = from.pageUrl ? undefined : (from.saved ?? savedBy(text));
  if (saved?.url) from = { ...from, pageUrl: saved.url };
  const extracted = extractArticle(text, from.pageUrl);
  const lines = [...extracted.content.querySelectorAll('p, h2, h3, h4, li')].map((el) => (el.textContent ?? '').trim()).filter(Boolean);
  // Readability takes a byline line ("记者 李明") out of the body it keeps, but reports it.
  const metadata = withArticleLines(extracted.metadata, [extracted.byline, ...lines].filter(Boolean));
  const title = metadata.title ?? extracted.title;
  if (!title) throw new ScrapeError('no title: the page has no og:title, headline, <h1> or <title>');
  const pageUrl = from.pageUrl ?? metadata.sourceUrl;

  const pictures = new Map<string, SettledPicture>();
  for (const img of extracted.content.querySelectorAll('img')) {
    const src = pictureSrc(img);
    if (src && !pictures.has(src)) pictures.set(src, await settlePicture(src, { ...from, pageUrl }));
  }
  const markdown = articleMarkdown(extracted.content, pictures, title, pageUrl);
  if (!/\p{L}/u.test(markdown)) throw new ScrapeError('not an article: no text left after extraction');
  const local = new Map<string, Uint8Array>();
  const linked: ImportedPage['linked'] = [];
  const dropped: ImportedPage['dropped'] = [];
  for (const picture of pictures.values()) {
    if (picture.kind === 'local') local.set(picture.name, picture.bytes);
    else if (picture.kind === 'linked') linked.push({ src: picture.src, url: picture.url, why: picture.why });
    else dropped.push({ src: picture.src.slice(0, 80), why: picture.why });
  }
  return {
    metadata: { ...metadata, title, description: ownDescription(metadata.description, markdown) },
    lang: isTraditional(metadata.lang ?? extracted.lang, markdown) ? 'zh-Hant' : 'zh-CN',
    markdown,
    // Headings and blocks that are only a picture (a file, a link to one, or its words) are not paragraphs.
    paragraphs: markdown.split(/\n{2,}/).filter((block) => !/^(?:#.*|!?\[[^\]]*\]\([^)]*\)|（图片：.*）)$/.test(block)).length,
    local: [...local].map(([name, data]) => ({ name, bytes: data })),
    linked,
    dropped,
    saved: saved?.url ? saved : undefined,
    rule: extracted.rule,
    sections: markdown.split('\n').filter((line) => line.startsWith('## ')).length,
  };
}
