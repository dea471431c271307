import type { PagefindResultData } from './pagefind-api.ts';

/** One part of an article: the opening (before the first ## heading) or a section. */
export interface SectionText {
  title: string;
  url: string;
  text: string;
  opening: boolean;
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface SectionHit {
  section: SectionText;
  count: number;
  snippet: Snippet;
}

const WORD_BREAK = '\u200b';
export const OPENING_LABEL = '导语';

/**
 * Cuts a page's indexed text into its parts at the heading anchors Pagefind
 * recorded (word positions in raw_content). The h1 anchor, or text before any
 * anchor, is the opening part.
 */
export function splitSections(data: PagefindResultData): SectionText[] {
  const words = data.raw_content.split(WORD_BREAK);
  const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
  const pageUrl = data.url.split('#')[0] ?? data.url;
  const parts: SectionText[] = [];
  const firstLocation = anchors[0]?.location ?? words.length;
  if (firstLocation > 0) {
    parts.push({ title: OPENING_LABEL, url: pageUrl, text: words.slice(0, firstLocation).join(''), opening: true });
  }
  anchors.forEach((anchor, i) => {
    const end = anchors[i + 1]?.location ?? words.length;
    let text = words.slice(anchor.location, end).join('');
    // Pagefind writes each heading as "heading. " before the text under it.
    if (text.startsWith(anchor.text)) text = text.slice(anchor.text.length).replace(/^\.\s*/, '');
    const opening = anchor.element === 'h1';
    parts.push({
      title: opening ? OPENING_LABEL : anchor.text,
      url: `${pageUrl}#${encodeURIComponent(anchor.id)}`,
      text,
      opening,
    });
  });
  return parts;
}

/** Whitespace separates terms; quotes only group. */
export function queryTerms(query: string): string[] {
  const terms = query.replace(/["“”]/g, ' ').trim().split(/\s+/u).filter(Boolean);
  return [...new Set(terms)];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every exact (Latin case-insensitive) occurrence of any term, per section, with the first in context. */
export function sectionHits(sections: readonly SectionText[], terms: readonly string[], radius = 24): SectionHit[] {
  if (terms.length === 0) return [];
  const longestFirst = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(longestFirst.join('|'), 'giu');
  return sections.flatMap((section) => {
    const matches = [...section.text.matchAll(pattern)];
    const first = matches[0];
    if (!first) return [];
    const start = first.index;
    const end = start + first[0].length;
    const before = section.text.slice(Math.max(0, start - radius), start);
    const after = section.text.slice(end, end + radius);
    return [
      {
        section,
        count: matches.length,
        snippet: {
          before: (start > radius ? '…' : '') + before,
          match: first[0],
          after: after + (end + radius < section.text.length ? '…' : ''),
        },
      },
    ];
  });
}
