import matter from 'gray-matter';
import { articleSchema, type ArticleData } from './article-schema.ts';
import { describeIssues } from './content-error.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type ParsedArticle = { ok: true; data: ArticleData; body: string } | { ok: false; problems: string[] };

/**
 * One content file -> validated frontmatter + Markdown body, or every problem
 * found in it. `label` is the root-relative path used in messages.
 */
export function parseArticleFile(bytes: Uint8Array, label: string, sectionNames: readonly string[]): ParsedArticle {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problems: [`${label}: not valid UTF-8; save the file as UTF-8`] };
  }
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    // The second argument turns off gray-matter's cache, which would hand back shared objects.
    parsed = matter(text, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`${label}: frontmatter is not valid YAML: ${reason}`] };
  }
  const problems: string[] = [];
  const result = articleSchema.safeParse(parsed.data);
  if (!result.success) problems.push(...describeIssues(label, result.error.issues, parsed.data));
  if (result.success && !sectionNames.includes(result.data.section)) {
    problems.push(`${label}: "section": unknown section "${result.data.section}"; add it to sections.json or use one of: ${sectionNames.join('、')}`);
  }
  if (parsed.content.trim() === '') problems.push(`${label}: body: empty; an article needs text below the frontmatter`);
  return result.success && problems.length === 0 ? { ok: true, data: result.data, body: parsed.content } : { ok: false, problems };
}
