import { ownScript, type Article } from '../content/collection.ts';
import { renderFeedBody } from '../render/article-body.ts';
import { ui } from '../render/hant.ts';
import { renderNote } from '../render/markdown.ts';

const unescapeAttribute = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Rendered article HTML made fit for a feed reader, which shows it away from
 * the page: every href and src absolute against the page's URL (a footnote's
 * "#yd-fn-1" included, so it opens the page at the note), and the headings'
 * "#" permalinks dropped, since they point into a page the reader is not on.
 * The markup is our own renderer's (html: false), so its attributes are
 * always double-quoted and escaped as matched here.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  return html
    .replace(/<a class="yd-permalink"[^>]*>#<\/a>/g, '')
    .replace(/ (href|src)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${escapeAttribute(new URL(unescapeAttribute(value), pageUrl).href)}"`);
}

/**
 * A feed item's full text, in the script the article is written in: the
 * editor's note (编者按) above the body, the body with its pictures and
 * footnotes, then the corrections (更正) newest first, as the page shows them.
 */
export async function feedContent(article: Article, pageUrl: string): Promise<string> {
  const script = ownScript(article);
  const { editor_note: note, corrections = [] } = article.data;
  const newestFirst = [...corrections].sort((a, b) => b.date.localeCompare(a.date));
  const html = [
    note ? `<p><strong>${ui(script, '编者按：')}</strong>${renderNote(note)}</p><hr>` : '',
    await renderFeedBody(article, script),
    newestFirst.length
      ? `<h2>${ui(script, '更正')}</h2><ul>${newestFirst.map((c) => `<li><time datetime="${c.date}">${c.date}</time> ${renderNote(c.text)}</li>`).join('')}</ul>`
      : '',
  ].join('');
  return absoluteHtml(html, pageUrl);
}
