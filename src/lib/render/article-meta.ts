import type { Heading } from './markdown.ts';

export interface ArticleMeta {
  headings: Heading[];
  charCount: number;
  lead: string;
  /** Text before the first heading (markdown.ts). */
  opening: boolean;
}

// A steady adult reading pace for Chinese prose, in characters per minute.
const CHARS_PER_MINUTE = 400;

/** The stats articles-loader.ts stored beside the HTML, read back with their types. */
export function articleMeta(entry: { rendered?: { metadata?: Record<string, unknown> } }): ArticleMeta {
  const metadata = entry.rendered?.metadata ?? {};
  const { headings, charCount, lead, opening } = metadata;
  if (!Array.isArray(headings) || typeof charCount !== 'number' || typeof lead !== 'string' || typeof opening !== 'boolean') {
    throw new Error('article was not rendered by articles-loader.ts (missing headings, charCount, lead or opening)');
  }
  return { headings: headings as Heading[], charCount, lead, opening };
}

export const readingMinutes = (charCount: number) => Math.max(1, Math.ceil(charCount / CHARS_PER_MINUTE));

/** "4,521" as a Chinese reader expects digits grouped. */
export const formatCount = (n: number) => n.toLocaleString('zh-CN');

/** The first lines of an article for listings, cut at a character boundary. */
export function teaser(lead: string, maxChars = 90): string {
  const chars = [...lead];
  return chars.length <= maxChars ? lead : `${chars.slice(0, maxChars).join('')}…`;
}
