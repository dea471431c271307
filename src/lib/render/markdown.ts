import MarkdownIt, { type Env, type Token } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import type { Script } from './hant.ts';
import { blocksPlugin, linksPlugin } from './markdown/blocks.ts';
import { footnotesPlugin } from './markdown/footnotes.ts';
import { picturesPlugin, type PictureMarkup, type PictureRef, type PicturesEnv } from './markdown/pictures.ts';
import { slugify } from './slugify.ts';
import { isLeadLine } from './lead-line.ts';

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
  /** Whether the body says anything before its first heading: the TOC's 导语 leads there. */
  opening: boolean;
  /** Every picture the body shows, in document order. */
  pictureRefs: PictureRef[];
}

export interface RenderOptions {
  /** Ids to give the headings in order, so a converted page keeps the original's anchors. */
  slugs?: readonly string[] | undefined;
  /** The encoded pictures, one per picture in document order (pictures.ts). */
  pictures?: readonly PictureMarkup[] | undefined;
  /** The script of the page, for the few words the renderer adds (注释, 表格). */
  script?: Script | undefined;
}

// html: false is our XSS boundary: raw HTML in a content file is shown as text (markdown-it docs/safety.md).
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

type RenderEnv = Env & PicturesEnv & { slugs?: string[]; script?: Script | undefined };

// markdown-it-anchor asks for a permalink's label with the heading's title alone; the page's script
// is set here for the parse, which is synchronous (renderMarkdown), so a zh-Hant page says 本節連結.
let labelScript: Script | undefined;

md.use(anchor, {
  level: [2, 3, 4, 5, 6],
  slugifyWithState: (text, state) => (state.env as RenderEnv).slugs?.shift() ?? slugify(text),
  tabIndex: false,
  permalink: anchor.permalink.linkAfterHeader({
    style: 'aria-label',
    assistiveText: (title: string) => `${labelScript === 'zh-Hant' ? '本節連結' : '本节链接'}：${title}`,
    symbol: '#',
    class: 'yd-permalink',
    // The "#" is navigation, not article text: keep it out of the search index.
    renderAttrs: () => ({ 'data-pagefind-ignore': '' }),
    wrapper: ['<div class="yd-heading">', '</div>'],
  }),
});

md.use(picturesPlugin).use(blocksPlugin).use(linksPlugin).use(footnotesPlugin);

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
}

/** Renders an article body. The only way Markdown becomes HTML in yuedu. */
/** A paragraph that is one bold run and nothing else: a sub-heading set in bold, not the story. */
function wholeBold(inline: Token): boolean {
  const children = (inline.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  return children[0]?.type === 'strong_open' && children.at(-1)?.type === 'strong_close' && children.filter((c) => c.type === 'strong_open').length === 1;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedArticle {
  const env: RenderEnv = {
    ...(options.slugs ? { slugs: [...options.slugs] } : {}),
    ...(options.pictures ? { pictures: [...options.pictures] } : {}),
    script: options.script,
  };
  labelScript = options.script;
  let tokens: Token[];
  try {
    tokens = md.parse(source, env);
  } finally {
    labelScript = undefined;
  }
  const headings: Heading[] = [];
  let charCount = 0;
  let lead = '';
  let opening = false;
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const slug = String(token.attrGet('id') ?? '');
      if (slug) headings.push({ depth: Number(token.tag.slice(1)), slug, text: inlineText(tokens[i + 1]) });
    } else if (token.type === 'inline') {
      const text = inlineText(token);
      charCount += text.replace(/\s/gu, '').length;
      if (headings.length === 0 && text.trim()) opening = true;
      const open = tokens[i - 1];
      if (!lead && open?.type === 'paragraph_open' && open.tag === 'p' && isLeadLine(text, wholeBold(token))) lead = text;
    }
  });
  const html = md.renderer.render(tokens, md.options, env);
  return { html, headings, charCount, lead, opening, pictureRefs: env.pictureRefs ?? [] };
}

/**
 * One short paragraph of an editor's words (编者按, a correction): inline
 * Markdown only (bold, links, code), through the same parser and its links
 * rule, so a note can neither open a block nor carry raw HTML.
 */
export function renderNote(source: string): string {
  return md.renderInline(source.replace(/\s*\n\s*/g, ' '), {});
}
