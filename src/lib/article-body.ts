import { ownScript, type Article } from './collection.ts';
import { inScript, type Script } from './hant.ts';
import { renderMarkdown, type RenderedArticle } from './markdown.ts';
import { encodePicture } from './picture-markup.ts';

/**
 * An article's body as a page shows it: markdown-it with the pictures encoded
 * by astro:assets, in either script. A twin page converts the Markdown
 * (captions and alt text too) from the script it is written in and keeps the
 * original page's heading ids, so a #section link works on both.
 */
export async function renderArticleBody(article: Article, script: Script, slugs?: readonly string[]): Promise<RenderedArticle> {
  const pictures = await Promise.all(
    article.data.pictures.map((image) => encodePicture(image, { imgAttributes: { 'data-pagefind-index-attrs': 'alt' } })),
  );
  const body = article.body ?? '';
  return renderMarkdown(inScript(body, ownScript(article), script), { slugs, pictures, script });
}
