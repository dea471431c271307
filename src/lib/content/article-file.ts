import { articleSchema, type ArticleData } from './article-schema.ts';
import { describeIssues } from './content-error.ts';
import { readFrontmatter } from './frontmatter.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What an article points at in other files, read leniently from the raw
 * frontmatter so it is checked (references.ts) in the same build as the
 * file's own fields, even when one of those is wrong.
 */
export interface ArticleRefs {
  series?: string | undefined;
  series_part?: number | undefined;
  related: string[];
  /** The names in `authors`, as written: those that look like a file's name must have one. */
  authors: string[];
}

export type ParsedArticle = { ok: true; data: ArticleData; body: string; refs: ArticleRefs } | { ok: false; problems: string[]; refs: ArticleRefs };

const NO_REFS: ArticleRefs = { related: [], authors: [] };

export function refsOf(data: Record<string, unknown>): ArticleRefs {
  const { series, series_part: part, related, authors } = data;
  const names = Array.isArray(authors) ? authors.map((a: unknown) => (typeof a === 'object' && a !== null ? (a as Record<string, unknown>)['name'] : a)) : [];
  return {
    series: typeof series === 'string' && series.trim() !== '' ? series.trim() : undefined,
    series_part: typeof part === 'number' ? part : undefined,
    related: Array.isArray(related) ? related.filter((r): r is string => typeof r === 'string').map((r) => r.trim()) : [],
    authors: names.filter((n): n is string => typeof n === 'string').map((n) => n.trim()),
  };
}

/**
 * One content file -> validated frontmatter + Markdown body, or every problem
 * found in it. `label` is the root-relative path used in messages.
 */
export function parseArticleFile(bytes: Uint8Array, label: string, sectionNames: readonly string[]): ParsedArticle {
  const read = readFrontmatter(bytes, label);
  if (!read.ok) return { ...read, refs: NO_REFS };
  const problems: string[] = [];
  const result = articleSchema.safeParse(read.data);
  if (!result.success) problems.push(...describeIssues(label, result.error.issues, read.data));
  // Checked on the raw value: a bad date beside it must not hide an unknown section until the next build.
  const { section } = read.data;
  if (typeof section === 'string' && section.trim() !== '' && !sectionNames.includes(section.trim())) {
    problems.push(`${label}: "section": unknown section "${section.trim()}"; add it to sections.json or use one of: ${sectionNames.join('、')}`);
  }
  if (read.body.trim() === '') problems.push(`${label}: body: empty; an article needs text below the frontmatter`);
  const refs = refsOf(read.data);
  return result.success && problems.length === 0 ? { ok: true, data: result.data, body: read.body, refs } : { ok: false, problems, refs };
}
