import type { PageResult, SearchOutcome } from './search-core.ts';
import { safeExcerpt } from './safe-excerpt.ts';
import { OPENING_LABEL, type SectionHit } from './section-hits.ts';
import { fill, uiText } from './ui-text.ts';
import { visible } from './visible.ts';

/** An element with text; every text shown passes through here, so nothing invisible from the index does. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = visible(text);
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
  const title = section.title === OPENING_LABEL ? uiText().opening : section.title;
  link.append(el('span', 'yd-hit-section', title), el('span', 'yd-hit-count', fill(uiText().count, { n: count })));
  item.append(link);
  for (const parts of snippets) {
    const excerpt = el('p', 'yd-hit-excerpt');
    excerpt.append(...parts.map((part) => (part.marked ? el('mark', undefined, part.text) : visible(part.text))));
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
    link.append(el('span', 'yd-hit-section', opening ? uiText().opening : sub.title));
    const excerpt = el('p', 'yd-hit-excerpt');
    excerpt.append(safeExcerpt(sub.excerpt, visible(sub.title)));
    item.append(link, excerpt);
    return item;
  });
}

export function pageEntry(page: PageResult): HTMLLIElement {
  const { terms } = page;
  const item = el('li', 'yd-result');
  const heading = el('h2', 'yd-result-title');
  const link = el('a', undefined, page.data.meta.title ?? page.data.url);
  link.href = page.hits.length > 0 ? withHighlight(page.data.url, terms) : page.data.url;
  heading.append(link);
  const section = page.data.filters['section']?.[0];
  if (section) heading.append(el('span', 'yd-result-section', section));
  // An article in a series says which: the series page's own result is labelled by its section, 专题.
  const series = page.data.filters['series']?.[0];
  if (series) heading.append(el('span', 'yd-result-series', fill(uiText().inSeries, { name: series })));
  const sections = el('ul', 'yd-hits');
  sections.append(...(page.hits.length > 0 ? page.hits.map((hit) => sectionEntry(hit, terms)) : looseEntries(page)));
  const dated = dates(page);
  item.append(heading, ...(dated ? [dated] : []), sections);
  return item;
}

/** When the article appeared, and when it was last updated or corrected: what a news reader asks of a result first. */
function dates({ data: { meta } }: PageResult): HTMLParagraphElement | undefined {
  if (!meta.date) return undefined;
  const line = el('p', 'yd-meta');
  const time = (day: string) => Object.assign(el('time', undefined, day), { dateTime: day });
  line.append(time(meta.date));
  if (meta.updated && meta.updated > meta.date) {
    const updated = el('span', undefined, `${uiText().updated} `);
    updated.append(time(meta.updated));
    line.append(updated);
  }
  return line;
}

/** What the live region announces: how many articles, and whether they hold the whole query. */
export function describeOutcome({ query, terms, simplified, variant, pages, exact, matched, rest }: SearchOutcome): string {
  const text = uiText();
  if (query === '' || pages.length === 0 && !/[\p{L}\p{N}]/u.test(query)) return text.prompt;
  if (exact > 0) {
    const loose = pages.length - exact;
    // Every page matched holds the whole query, but only the best are shown: say how many there are.
    const more = loose === 0 && rest.length > 0;
    const said = variant ? fill(text.variant, { v: variant, q: query }) : simplified ? fill(text.converted, { q: query }) : '';
    // The words the pages were found by: the query's own, simplified, or (when only they found any) another region's.
    const found = fill(text.found, { n: more ? matched : exact, q: variant || simplified ? terms.join(' ') : query }) + said;
    if (more) return found + fill(text.showing, { n: pages.length });
    return loose > 0 ? found + fill(text.alsoLoose, { n: loose }) : found;
  }
  if (pages.length > 0) return fill(text.onlyLoose, { q: query, n: pages.length });
  return fill(text.none, { q: query });
}

/** The "more" control closing a results list: the next PAGE_SIZE of `left` articles. */
export function moreButton(left: number, size: number): HTMLLIElement {
  const item = el('li', 'yd-more');
  const button = el('button', 'yd-more-button', fill(uiText().more, { n: Math.min(left, size), left }));
  button.type = 'button';
  item.append(button);
  return item;
}
