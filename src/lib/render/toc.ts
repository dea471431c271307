import type { Heading } from './markdown.ts';

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Headings in document order -> nested entries (h3 under the h2 before it, and so on). */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: { depth: number; entry: TocEntry }[] = [];
  for (const { depth, slug, text } of headings) {
    const entry: TocEntry = { slug, text, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    (stack.at(-1)?.entry.children ?? root).push(entry);
    stack.push({ depth, entry });
  }
  return root;
}
