import MarkdownIt, { type Env, type Token } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { slugify } from './slugify.ts';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedArticle {
  html: string;
  headings: Heading[];
  /** Characters of readable text, whitespace excluded: what a Chinese reader calls 字数. */
  charCount: number;
  /** Text of the first paragraph, for listings and descriptions. */
  lead: string;
}

// html: false is our XSS boundary: raw HTML in a content file is shown as text (markdown-it docs/safety.md).
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** `slugs`: ids to give the headings in order, so a converted page keeps the original's anchors. */
type RenderEnv = Env & { slugs?: string[] };

md.use(anchor, {
  level: [2, 3, 4, 5, 6],
  slugifyWithState: (text, state) => (state.env as RenderEnv).slugs?.shift() ?? slugify(text),
  tabIndex: false,
  permalink: anchor.permalink.linkAfterHeader({
    style: 'aria-label',
    assistiveText: (title: string) => `本节链接：${title}`,
    symbol: '#',
    class: 'yd-permalink',
    // The "#" is navigation, not article text: keep it out of the search index.
    renderAttrs: () => ({ 'data-pagefind-ignore': '' }),
    wrapper: ['<div class="yd-heading">', '</div>'],
  }),
});

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
}

/**
 * Renders an article body. The only way Markdown becomes HTML in yuedu.
 * `slugs` reuses another rendering's heading ids (the traditional page keeps
 * the simplified page's anchors, so a #link works on both).
 */
export function renderMarkdown(source: string, slugs?: readonly string[]): RenderedArticle {
  const env: RenderEnv = slugs ? { slugs: [...slugs] } : {};
  const tokens = md.parse(source, env);
  const headings: Heading[] = [];
  let charCount = 0;
  let lead = '';
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const slug = String(token.attrGet('id') ?? '');
      if (slug) headings.push({ depth: Number(token.tag.slice(1)), slug, text: inlineText(tokens[i + 1]) });
    } else if (token.type === 'inline') {
      const text = inlineText(token);
      charCount += text.replace(/\s/gu, '').length;
      if (!lead && tokens[i - 1]?.type === 'paragraph_open') lead = text;
    }
  });
  return { html: md.renderer.render(tokens, md.options, env), headings, charCount, lead };
}
