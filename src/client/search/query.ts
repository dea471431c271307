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

const LATIN_EDGE = /[\p{Script=Latin}\p{N}]/u;

/**
 * The query's words as one run, next to each other as typed: Latin words
 * with whitespace between them ("Visual Studio"), words beside Chinese with
 * or without a space (阿里 巴巴 -> 阿里巴巴, as Chinese text has no spaces).
 */
export function phrasePattern(terms: readonly string[]): RegExp | undefined {
  if (terms.length < 2) return undefined;
  const source = terms
    .map((term, i) => {
      if (i === 0) return escapeRegExp(term);
      const latin = LATIN_EDGE.test(terms[i - 1]?.at(-1) ?? '') && LATIN_EDGE.test(term[0] ?? '');
      return `${latin ? '\\s+' : '\\s*'}${escapeRegExp(term)}`;
    })
    .join('');
  return new RegExp(source, 'giu');
}

/**
 * How to find the query in `text`: as that phrase when the text holds its
 * words next to each other (counted and marked as one run), else each word
 * on its own.
 */
export function queryPattern(terms: readonly string[], text: string): RegExp {
  const phrase = phrasePattern(terms);
  return phrase && text.search(phrase) !== -1 ? phrase : termPattern(terms);
}
