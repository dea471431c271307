import type { Block } from './parse-scrape.ts';

export interface ArticleFile {
  title: string;
  section: string;
  blocks: Block[];
}

/** Frontmatter fields an import may know, written in this order when present; nothing else is ever written. */
export interface KnownFields {
  author?: string | undefined;
  date?: string | undefined;
  description?: string | undefined;
  source_url?: string | undefined;
  publisher?: string | undefined;
  lang?: 'zh-Hant' | undefined;
}

// Markdown would read these as syntax; scraped prose means them literally.
const INLINE_SYNTAX = /[\\`*_~[\]<>&]/g;
// Block syntax only counts at the start of a line: heading, quote, list item, thematic break.
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|(?:-\s*){3,}$)/;

function escapeText(text: string): string {
  const inline = text.replace(INLINE_SYNTAX, '\\$&');
  return inline.replace(BLOCK_START, (syntax) => syntax.replace(/[#>\-+.)]/, '\\$&'));
}

// A JSON string is a valid YAML double-quoted scalar: no quoting rules to get wrong.
const yamlString = (value: string) => JSON.stringify(value);

const FIELD_ORDER = ['author', 'date', 'description', 'source_url', 'publisher', 'lang'] as const;

/** The file: frontmatter (title, section, then the known fields in a fixed order) and the Markdown body. */
export function articleFileText(title: string, section: string, fields: KnownFields, markdown: string): string {
  const extra = FIELD_ORDER.flatMap((key) => (fields[key] ? [`${key}: ${yamlString(fields[key])}`] : []));
  const frontmatter = ['---', `title: ${yamlString(title)}`, `section: ${yamlString(section)}`, ...extra, '---'];
  return `${frontmatter.join('\n')}\n\n${markdown.trim()}\n`;
}

/** A text scrape's file, byte-stable: the same article always gives the same file. */
export function toArticleFile({ title, section, blocks }: ArticleFile): string {
  const body = blocks.map((b) => (b.kind === 'heading' ? `## ${escapeText(b.text)}` : escapeText(b.text)));
  return articleFileText(title, section, {}, body.join('\n\n'));
}
