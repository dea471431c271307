import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PageMetadata } from './metadata.ts';

/** Letters and digits only: text compared across the page's metadata, its elements and the Markdown. */
export const letters = (text: string | null | undefined) => (text ?? '').normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Which rule chose the article's text, for the import's output and its batch table: Readability;
 * Readability on a page its quick test refused, kept because the page's description confirms it;
 * the element holding the page's stated opening; the page's JSON-LD articleBody.
 */
export type Rule = 'Readability' | 'Readability, confirmed by metadata' | 'metadata: stated opening' | 'metadata: articleBody';

const OPENING = 24;
const MIN_OPENING = 12;

/**
 * The openings the page states for its article (JSON-LD articleBody, then each description), as
 * letters. A description that starts with the headline (many CMSs write "标题 股票 财经…") is read
 * after it: the headline proves nothing about which block is the story.
 */
function statedOpenings(stated: PageMetadata['stated'], title = ''): string[] {
  const headline = letters(title);
  return [...(stated.articleBody ? [stated.articleBody] : []), ...stated.descriptions]
    .map((text) => {
      const all = letters(text);
      const rest = headline && all.startsWith(headline) ? all.slice(headline.length) : all;
      return [...rest].slice(0, OPENING).join('');
    })
    .filter((opening) => [...opening].length >= MIN_OPENING);
}

const holdsAny = (kept: string, openings: string[]) => {
  const keptLetters = letters(kept);
  return openings.some((opening) => keptLetters.includes(opening));
};

/** True when the text kept holds one of the openings the page states: the page confirms the extraction. */
export const confirmed = (kept: string, metadata: PageMetadata, title: string): boolean => holdsAny(kept, statedOpenings(metadata.stated, title));

/** The deepest element whose text holds `opening` (walking down, never scoring every element of a big page). */
function deepestHolding(root: Element, opening: string): Element | undefined {
  if (!letters(root.textContent).includes(opening)) return undefined;
  let current = root;
  for (;;) {
    const child = [...current.children].find((el) => letters(el.textContent).includes(opening));
    if (!child) return current;
    current = child;
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function readable(bodyHtml: string, title: string): { content: string; text: string; title: string; byline: string; lang: string } | undefined {
  const doc = parseHTML(`<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body>${bodyHtml}</body></html>`).document as unknown as Document;
  const article = new Readability(doc, { keepClasses: false, charThreshold: 200 }).parse();
  if (!article?.content) return undefined;
  return { content: article.content, text: article.textContent ?? '', title: article.title ?? '', byline: article.byline ?? '', lang: article.lang ?? '' };
}

export interface Rechosen {
  rule: 'metadata: stated opening' | 'metadata: articleBody';
  content: string;
  byline: string;
}

/**
 * Readability picks the block with the most prose. On a portal page whose
 * short story sits beside a longer list of other stories it picks the list
 * (plain Readability does the same); the page's own metadata says what the
 * article is. When none of the openings the page states is in the text kept,
 * but an element of the page holds one, that element's block (the lowest
 * ancestor holding more than the opening paragraph) is extracted instead; a
 * JSON-LD articleBody long enough to be the story is the last resort. An
 * opening found nowhere on the page (an editor's summary) proves nothing, and
 * Readability's choice stands: a right extraction is never traded away.
 */
export function recheck(html: string, kept: string, metadata: PageMetadata, title: string): Rechosen | undefined {
  const openings = statedOpenings(metadata.stated, title);
  if (openings.length === 0 || holdsAny(kept, openings)) return undefined;
  const page = parseHTML(html).document as unknown as Document;
  for (const el of page.querySelectorAll('script, style, noscript, template, head')) el.remove();
  for (const opening of openings) {
    const holding = page.body ? deepestHolding(page.body, opening) : undefined;
    if (!holding) continue;
    let block: Element = holding;
    // Climb past the opening paragraph to the block holding the rest of the story.
    const enough = [...letters(holding.textContent)].length + 60;
    while (block.parentElement && block !== page.body && [...letters(block.textContent)].length < enough) block = block.parentElement;
    const article = readable(block.outerHTML, title);
    if (article && letters(article.text).includes(opening) && [...letters(article.text)].length >= 100) {
      return { rule: 'metadata: stated opening', content: article.content, byline: article.byline };
    }
  }
  // An articleBody of several paragraphs is the story itself, not a summary.
  const paragraphs = (metadata.stated.articleBody ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length >= 2 && [...letters(paragraphs.join(''))].length >= 100) {
    return { rule: 'metadata: articleBody', content: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''), byline: '' };
  }
  return undefined;
}
