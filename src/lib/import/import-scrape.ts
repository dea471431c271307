import { SLUG_PATTERN } from '../content/article-file.ts';
import { decodeScrape } from './decode.ts';
import { parseScrape, ScrapeError } from './parse-scrape.ts';
import { slugFromTitle } from '../content/slug.ts';
import { toArticleFile } from './to-markdown.ts';

export interface ImportOptions {
  /** Overrides the section the breadcrumb names. */
  section?: string | undefined;
  /** Overrides the slug derived from the title. */
  slug?: string | undefined;
}

export interface ImportedArticle {
  slug: string;
  section: string;
  title: string;
  /** The content file, byte-for-byte what is written to content/articles/<slug>.md. */
  file: string;
}

/**
 * Raw scrape bytes -> the content file for it. Pure and deterministic; throws
 * ScrapeError. Whether the section exists yet is the caller's business
 * (sections.ts adds a new one).
 */
export function importScrape(bytes: Uint8Array, options: ImportOptions = {}): ImportedArticle {
  const parsed = parseScrape(decodeScrape(bytes));
  const section = options.section ?? parsed.section;
  if (section === undefined) throw new ScrapeError('no section: the scrape has no breadcrumb naming one; pass --section');
  const slug = options.slug ?? slugFromTitle(parsed.title);
  if (!SLUG_PATTERN.test(slug)) throw new ScrapeError(`slug "${slug}" must be lowercase ASCII words joined by "-"`);
  return { slug, section, title: parsed.title, file: toArticleFile({ title: parsed.title, section, blocks: parsed.blocks }) };
}
