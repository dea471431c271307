import type { Article } from './collection.ts';
import { listArticles } from './collection.ts';
import { slugFromTitle } from './slug.ts';

export interface Tag {
  name: string;
  /** ASCII URL segment: toneless pinyin, numbered when two tags read alike (示例 / 事例). */
  slug: string;
  /** Newest first, as every listing. */
  articles: Article[];
}

let tags: Promise<Tag[]> | undefined;

/** Every tag in use, with its articles; computed once per build (article pages and tag pages ask). */
export function listTags(): Promise<Tag[]> {
  tags ??= listArticles().then((articles) => {
    const byName = new Map<string, Article[]>();
    for (const article of articles) {
      for (const name of new Set(article.data.tags ?? [])) byName.set(name, [...(byName.get(name) ?? []), article]);
    }
    const taken = new Set<string>();
    // Sorted by name so the numbering of twins never depends on article order.
    return [...byName.keys()].sort().map((name) => {
      const base = slugFromTitle(name).replace(/^article$/, 'tag');
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      return { name, slug, articles: byName.get(name) ?? [] };
    });
  });
  return tags;
}

/** name -> slug for an article's tag links. */
export async function tagSlugs(): Promise<Map<string, string>> {
  return new Map((await listTags()).map((tag) => [tag.name, tag.slug]));
}
