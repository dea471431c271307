import type { MarkdownIt } from 'markdown-it';
import type { Env, Token } from 'markdown-it';

/** A picture as the Markdown names it: `![alt](src "caption")`. */
export interface PictureRef {
  src: string;
  alt: string;
  caption: string;
}

/** What a page hands the renderer for one picture: the <picture> element's inner markup, in document order. */
export interface PictureMarkup {
  /** `<source>` elements and the `<img>` with this use's alt text, escaped. */
  render: (alt: string) => string;
  /** The markup is one whole <img>, drawn without a <picture> around it (a feed's). */
  plain?: boolean;
}

export type PicturesEnv = Env & {
  /** Filled while parsing: every picture in document order. */
  pictureRefs?: PictureRef[];
  /** Given by the page: one entry per picture in document order (see pictures.ts). */
  pictures?: PictureMarkup[];
};

const altText = (token: Token) => (token.children ?? []).map((child) => child.content).join('');

/** A paragraph that holds one picture and nothing else is a figure, not a line of text. */
function soleImage(inline: Token | undefined): Token | undefined {
  const children = (inline?.children ?? []).filter((c) => !(c.type === 'softbreak' || (c.type === 'text' && c.content.trim() === '')));
  return children.length === 1 && children[0]?.type === 'image' ? children[0] : undefined;
}

/**
 * A paragraph that is one link with a title and nothing else: how the importer writes a picture
 * it could only link to (`[alt](https://… "caption")`: never a remote <img>), caption and all.
 */
function soleTitledLink(inline: Token | undefined): Token | undefined {
  const children = (inline?.children ?? []).filter((c) => !(c.type === 'softbreak' || (c.type === 'text' && c.content.trim() === '')));
  const [open, ...rest] = children;
  const close = rest.at(-1);
  if (open?.type !== 'link_open' || close?.type !== 'link_close' || !open.attrGet('title')) return undefined;
  return rest.slice(0, -1).every((c) => c.type === 'text' || c.type === 'softbreak') ? open : undefined;
}

/**
 * Pictures: collects every `![alt](src "caption")` for the loader to check
 * and the page to encode (pictures.ts), turns a paragraph of one picture into
 * <figure> with the title as <figcaption> (a lone titled link too: a picture
 * linked, not copied), and renders each picture from the
 * markup the page prepared. Without that markup (the loader's own render, read
 * for headings and stats only) a picture is a plain <img>.
 */
export function picturesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('yd_pictures', (state) => {
    const env = state.env as PicturesEnv;
    const refs: PictureRef[] = (env.pictureRefs = []);
    // By index, as the array grows: a linked picture's caption is spliced in as it goes.
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (!token) continue;
      if (token.type === 'inline') {
        for (const child of token.children ?? []) {
          if (child.type === 'image') refs.push({ src: String(child.attrGet('src') ?? ''), alt: altText(child), caption: String(child.attrGet('title') ?? '') });
        }
      }
      const open = token.type === 'paragraph_open' ? token : undefined;
      const image = open && soleImage(state.tokens[i + 1]);
      const close = state.tokens[i + 2];
      if (open && image && close?.type === 'paragraph_close') {
        open.tag = close.tag = 'figure';
        open.hidden = close.hidden = false;
        open.attrSet('class', 'yd-figure');
        image.meta = { ...image.meta, figure: true };
      }
      const link = open && !image ? soleTitledLink(state.tokens[i + 1]) : undefined;
      if (open && link && close?.type === 'paragraph_close') {
        open.tag = close.tag = 'figure';
        open.hidden = close.hidden = false;
        open.attrSet('class', 'yd-figure yd-figure-link');
        const caption = new state.Token('html_block', '', 0);
        // The title becomes visible text, not a tooltip, as a copied picture's does.
        caption.content = `<figcaption>${state.md.utils.escapeHtml(String(link.attrGet('title')))}</figcaption>`;
        const attrs = (link.attrs ?? []).filter(([name]) => name !== 'title');
        link.attrs = attrs;
        state.tokens.splice(i + 2, 0, caption);
      }
    }
  });

  md.renderer.rules['image'] = (tokens, idx, _options, renderEnv) => {
    const env = (renderEnv ?? {}) as PicturesEnv;
    const token = tokens[idx];
    if (!token) return '';
    const escape = md.utils.escapeHtml;
    const alt = altText(token);
    const picture = env.pictures?.shift();
    const caption = String(token.attrGet('title') ?? '');
    const figure = token.meta?.figure === true;
    const body = picture ? (picture.plain ? picture.render(alt) : `<picture>${picture.render(alt)}</picture>`) : `<img src="${escape(String(token.attrGet('src') ?? ''))}" alt="${escape(alt)}">`;
    if (!figure) return body;
    // The title becomes visible text, not a tooltip: read once, and indexed for search.
    return caption ? `${body}<figcaption>${escape(caption)}</figcaption>` : body;
  };
}
