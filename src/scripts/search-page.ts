import { loadPagefind, type PagefindResultData } from './pagefind-api.ts';
import { safeExcerpt } from './safe-excerpt.ts';
import { OPENING_LABEL, queryTerms, sectionHits, splitSections, type SectionHit } from './section-hits.ts';

const MAX_ARTICLES = 20;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(text: string, href: string): HTMLAnchorElement {
  const a = el('a', text);
  a.href = href;
  return a;
}

function exactEntry({ section, count, snippet }: SectionHit): HTMLLIElement {
  const entry = el('li');
  const label = link(section.title, section.url);
  const excerpt = el('p');
  excerpt.append(snippet.before, el('mark', snippet.match), snippet.after);
  entry.append(label, el('span', ` · ${count} 处`), excerpt);
  return entry;
}

/** Pagefind matched only by segmented words, not the whole query: show its own sub-results. */
function looseEntries(data: PagefindResultData): HTMLLIElement[] {
  return data.sub_results.map((sub) => {
    const entry = el('li');
    const opening = !sub.anchor || sub.anchor.element === 'h1';
    const excerpt = el('p');
    excerpt.append(safeExcerpt(sub.excerpt));
    entry.append(link(opening ? OPENING_LABEL : sub.title, sub.url), excerpt);
    return entry;
  });
}

function renderResult(data: PagefindResultData, hits: SectionHit[]): HTMLLIElement {
  const item = el('li');
  const heading = el('h2');
  heading.append(link(data.meta.title ?? data.url, data.url));
  const sections = el('ul');
  sections.append(...(hits.length > 0 ? hits.map(exactEntry) : looseEntries(data)));
  item.append(heading, sections);
  return item;
}

function describeOutcome(query: string, exact: number, total: number): string {
  if (exact > 0) return `找到 ${exact} 篇包含“${query}”的文章` + (total > exact ? `，另有 ${total - exact} 篇部分相关` : '');
  if (total > 0) return `没有文章完整包含“${query}”；以下 ${total} 篇包含其中部分字词`;
  return `没有找到与“${query}”相关的文章`;
}

export async function startSearchPage(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#yd-search-q');
  const status = document.querySelector<HTMLElement>('#yd-search-status');
  const list = document.querySelector<HTMLOListElement>('#yd-search-results');
  if (!input || !status || !list) return;
  const query = (new URLSearchParams(location.search).get('q') ?? '').trim();
  input.value = query;
  const terms = queryTerms(query);
  if (terms.length === 0) {
    status.textContent = '输入关键词，在全部文章中搜索。';
    return;
  }
  status.textContent = '正在搜索…';
  list.setAttribute('aria-busy', 'true');
  try {
    const pagefind = await loadPagefind();
    const { results } = await pagefind.search(query);
    const pages = await Promise.all(results.slice(0, MAX_ARTICLES).map((r) => r.data()));
    const ranked = pages
      .map((data) => ({ data, hits: sectionHits(splitSections(data), terms) }))
      // Whole-phrase matches first; Pagefind's order is kept within each group.
      .sort((a, b) => Number(b.hits.length > 0) - Number(a.hits.length > 0));
    list.replaceChildren(...ranked.map(({ data, hits }) => renderResult(data, hits)));
    const exact = ranked.filter((r) => r.hits.length > 0).length;
    status.textContent = describeOutcome(query, exact, ranked.length);
  } catch (error) {
    status.textContent = '搜索索引加载失败，请稍后重试。';
    console.error(error);
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}
