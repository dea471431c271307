import type { PageResult, SearchOutcome } from './search-core.ts';
import { safeExcerpt } from './safe-excerpt.ts';
import { OPENING_LABEL, type SectionHit } from './section-hits.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Result links carry the terms so the article can mark them on arrival (highlight.ts). */
function withHighlight(url: string, terms: readonly string[]): string {
  const [path = url, hash] = url.split('#');
  return `${path}?highlight=${encodeURIComponent(terms.join(' '))}${hash ? `#${hash}` : ''}`;
}

function sectionEntry({ section, count, snippets }: SectionHit, terms: readonly string[]): HTMLLIElement {
  const item = el('li');
  const link = el('a', 'yd-hit-link');
  link.href = withHighlight(section.url, terms);
  link.append(el('span', 'yd-hit-section', section.title), el('span', 'yd-hit-count', `${count} 处`));
  item.append(link);
  for (const parts of snippets) {
    const excerpt = el('p', 'yd-hit-excerpt');
    excerpt.append(...parts.map((part) => (part.marked ? el('mark', undefined, part.text) : part.text)));
    item.append(excerpt);
  }
  return item;
}

/** Pagefind matched only some words of the query: show its own sub-results, marked as such. */
function looseEntries(page: PageResult): HTMLLIElement[] {
  return page.data.sub_results.map((sub) => {
    const item = el('li');
    const link = el('a', 'yd-hit-link');
    link.href = sub.url;
    const opening = !sub.anchor || sub.anchor.element === 'h1';
    link.append(el('span', 'yd-hit-section', opening ? OPENING_LABEL : sub.title));
    const excerpt = el('p', 'yd-hit-excerpt');
    excerpt.append(safeExcerpt(sub.excerpt, sub.title));
    item.append(link, excerpt);
    return item;
  });
}

function pageEntry(page: PageResult, terms: readonly string[]): HTMLLIElement {
  const item = el('li', 'yd-result');
  const heading = el('h2', 'yd-result-title');
  const link = el('a', undefined, page.data.meta.title ?? page.data.url);
  link.href = page.hits.length > 0 ? withHighlight(page.data.url, terms) : page.data.url;
  heading.append(link);
  const section = page.data.filters['section']?.[0];
  if (section) heading.append(el('span', 'yd-result-section', section));
  const sections = el('ul', 'yd-hits');
  sections.append(...(page.hits.length > 0 ? page.hits.map((hit) => sectionEntry(hit, terms)) : looseEntries(page)));
  item.append(heading, sections);
  return item;
}

/** What the live region announces: how many articles, and whether they hold the whole query. */
export function describeOutcome({ query, simplified, pages, exact }: SearchOutcome): string {
  if (query === '' || pages.length === 0 && !/[\p{L}\p{N}]/u.test(query)) return '输入字词，在全部文章中搜索。';
  if (exact > 0) {
    const found = `找到 ${exact} 篇包含“${simplified ?? query}”的文章` + (simplified ? `（“${query}”已按简体搜索）` : '');
    const loose = pages.length - exact;
    return loose > 0 ? `${found}，另有 ${loose} 篇部分相关` : found;
  }
  if (pages.length > 0) return `没有文章完整包含“${query}”；以下 ${pages.length} 篇包含其中部分字词`;
  return `没有找到与“${query}”相关的文章`;
}

export function renderOutcome(list: HTMLElement, status: HTMLElement, outcome: SearchOutcome): void {
  list.replaceChildren(...outcome.pages.map((page) => pageEntry(page, outcome.terms)));
  status.textContent = describeOutcome(outcome);
}
