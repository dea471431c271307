import { queryPattern, queryTerms } from './query.ts';

/**
 * Arriving from a search result (?highlight=云栖大会#section), mark every
 * occurrence in the article text. The link works without this; it only adds
 * the marks. Navigation and heading self-links are left alone.
 */
const terms = queryTerms(new URLSearchParams(location.search).get('highlight') ?? '');
const article = document.querySelector('[data-pagefind-body]');

if (terms.length > 0 && article) {
  const pattern = queryPattern(terms, article.textContent ?? '');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-pagefind-ignore], mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const parts: (string | HTMLElement)[] = [];
    let cursor = 0;
    for (const match of text.matchAll(pattern)) {
      parts.push(text.slice(cursor, match.index));
      const mark = document.createElement('mark');
      mark.className = 'yd-arrival';
      mark.textContent = match[0];
      parts.push(mark);
      cursor = match.index + match[0].length;
    }
    if (cursor > 0) node.replaceWith(...parts, text.slice(cursor));
  }
  // Marking changed no layout, but re-aim at the section in case fonts shifted it meanwhile.
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}
