import type { Article } from './collection.ts';
import { listArticles } from './collection.ts';
import { ContentError } from './content-error.ts';
import { tagSlug } from './tag-slug.ts';

export interface Tag {
  name: string;
  /** URL segment, from the name alone (tag-slug.ts). */
  slug: string;
  /** Newest first, as every listing. */
  articles: Article[];
}

const label = (article: Article | undefined) => (article ? (article.filePath ?? article.id) : '');

let tags: Promise<Tag[]> | undefined;

/** Every tag in use, with its articles; computed once per build (article pages and tag pages ask). */
export function listTags(): Promise<Tag[]> {
  tags ??= listArticles().then((articles) => {
    const byName = new Map<string, Article[]>();
    for (const article of articles) {
      for (const name of new Set(article.data.tags ?? [])) byName.set(name, [...(byName.get(name) ?? []), article]);
    }
    const list = [...byName.keys()].sort().map((name) => ({ name, slug: tagSlug(name), articles: byName.get(name) ?? [] }));
    // Two names that differ only in punctuation or case ("C++" and "C#") would share one address.
    const bySlug = new Map<string, Tag>();
    const problems: string[] = [];
    for (const tag of list) {
      const other = bySlug.get(tag.slug);
      if (other) {
        problems.push(
          `${label(tag.articles[0])}: "tags": "${tag.name}" and "${other.name}" (${label(other.articles[0])}) would share the address /tags/${tag.slug}/; rename one of them`,
        );
      } else bySlug.set(tag.slug, tag);
    }
    if (problems.length) throw new ContentError(problems);
    return list;
  });
  return tags;
}

/** name -> slug for an article's tag links. */
export async function tagSlugs(): Promise<Map<string, string>> {
  return new Map((await listTags()).map((tag) => [tag.name, tag.slug]));
}
