import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Neighbours } from './collection.ts';
import { readSections } from './sections.ts';
import { readSite } from './site.ts';

/** The project's src/ (Astro builds from the project root; this module itself runs from a bundled chunk). */
const SRC = path.resolve('src');

let codeHash: string | undefined;

/**
 * Every source file under src/, hashed once per build. Astro already compares
 * each page's own module graph, but the content loader (markdown-it, the
 * schema) runs outside it: its output reaches pages through the content
 * store. Hashing all of src/ means any code change re-renders every article,
 * which is slower than needed and never wrong.
 */
function sourceHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  codeHash = hash.digest('hex');
  return codeHash;
}

/** What a page shows of a neighbour: its link and title. */
const neighbourKey = (article: Article | undefined) => article && { id: article.id, title: article.data.title, lang: article.data.lang };

/**
 * The cacheKey of an article page (Astro's experimental incremental build):
 * the article's Markdown and checked frontmatter (pictures included, by their
 * content-hashed output names), the neighbours its page links to, the site's
 * sections and name, and the code that renders it. Equal keys mean an equal
 * page, so Astro copies the page from the last build instead of rendering it.
 */
export function articleCacheKey(article: Article, neighbours: Neighbours): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        code: sourceHash(),
        id: article.id,
        body: article.body,
        data: article.data,
        newer: neighbourKey(neighbours.newer),
        older: neighbourKey(neighbours.older),
        sections: readSections(),
        site: readSite(),
      }),
    )
    .digest('hex');
}
