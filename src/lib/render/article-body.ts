import type { ImageMetadata } from 'astro';
import { inScript, type Script } from './hant.ts';
import { renderMarkdown, type RenderedArticle } from './markdown.ts';
import { encodeFeedPicture, encodePicture } from './picture-markup.ts';

/**
 * What rendering needs of a collection entry. Said here, not imported: the
 * content room's loader calls this room, so this room takes no import back.
 */
export interface RenderableArticle {
  body?: string | undefined;
  data: { pictures: ImageMetadata[] };
}

/**
 * An article's body as a page shows it: markdown-it with the pictures encoded
 * by astro:assets, in `script`, from the script it is `written` in. A twin page converts the Markdown
 * (captions and alt text too) from the script it is written in and keeps the
 * original page's heading ids, so a #section link works on both.
 */
export async function renderArticleBody(article: RenderableArticle, written: Script, script: Script, slugs?: readonly string[]): Promise<RenderedArticle> {
  const pictures = await Promise.all(
    article.data.pictures.map((image) => encodePicture(image, { imgAttributes: { 'data-pagefind-index-attrs': 'alt' } })),
  );
  const body = article.body ?? '';
  return renderMarkdown(inScript(body, written, script), { slugs, pictures, script });
}

/**
 * An article's body for a feed item, in the script it is written in: the
 * same Markdown with each picture as one plain <img>. Links stay as the page
 * has them (publish/feed-content.ts makes them absolute).
 */
export async function renderFeedBody(article: RenderableArticle, written: Script): Promise<string> {
  const pictures = await Promise.all(article.data.pictures.map((image) => encodeFeedPicture(image)));
  return renderMarkdown(article.body ?? '', { pictures, script: written }).html;
}
