/** Longest query we search for: enough for any phrase, bounded for a pasted essay. */
export const MAX_QUERY_CHARS = 100;

/** Trimmed, single-spaced and cut to MAX_QUERY_CHARS code points. */
export function normaliseQuery(raw: string): string {
  return [...raw.replace(/\s+/gu, ' ').trim()].slice(0, MAX_QUERY_CHARS).join('').trim();
}

/** Whitespace separates terms; quotes only group; a term of nothing but punctuation is dropped. */
export function queryTerms(query: string): string[] {
  const terms = normaliseQuery(query)
    .replace(/["“”]/gu, ' ')
    .split(' ')
    .filter((term) => /[\p{L}\p{N}]/u.test(term));
  return [...new Set(terms)];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches any term literally, longest first, Latin case-insensitively. */
export function termPattern(terms: readonly string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(alternatives.join('|'), 'giu');
}
