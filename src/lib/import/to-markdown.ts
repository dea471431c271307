import type { Block } from './parse-scrape.ts';

export interface ArticleFile {
  title: string;
  section: string;
  blocks: Block[];
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

/** Frontmatter + Markdown body, byte-stable: the same article always gives the same file. */
export function toArticleFile({ title, section, blocks }: ArticleFile): string {
  const frontmatter = ['---', `title: ${yamlString(title)}`, `section: ${yamlString(section)}`, '---'];
  const body = blocks.map((b) => (b.kind === 'heading' ? `## ${escapeText(b.text)}` : escapeText(b.text)));
  return `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`;
}
