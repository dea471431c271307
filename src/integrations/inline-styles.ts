import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
// A style attribute inside a tag (text that merely shows one is escaped: style=&quot;).
const STYLE_ATTRIBUTE = /<[a-z][^<>]*\sstyle\s*=\s*["']/i;

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Every built page's inline styles against the hashes the CSP allows: a
 * <style> block the policy does not name, or a style="" attribute (which no
 * hash can allow), would be blocked in the reader's browser, silently. Returns
 * one line per problem, naming the page; the build fails on any.
 */
export async function unallowedStyles(dir: string, allowed: readonly string[]): Promise<string[]> {
  const pages = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const problems: string[] = [];
  for (const page of pages) {
    const html = await readFile(page, 'utf8');
    const name = path.relative(dir, page);
    for (const [, css = ''] of html.matchAll(STYLE_BLOCK)) {
      if (!allowed.includes(hashOf(css))) problems.push(`${name}: an inline <style> whose hash ${hashOf(css)} the CSP does not allow`);
    }
    if (STYLE_ATTRIBUTE.test(html)) problems.push(`${name}: a style="" attribute, which the CSP blocks (use a class)`);
  }
  return problems;
}
