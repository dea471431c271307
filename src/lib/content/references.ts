import type { ArticleRefs } from './article-file.ts';

/** One article's references as the loader saw them (freshly parsed or stored from the last build). */
export interface ReferringFile {
  id: string;
  filePath: string;
  refs: ArticleRefs;
}

export interface ReferenceCheck {
  problems: string[];
  warnings: string[];
}

/** What exists beside the articles: the file names of content/series/ and content/authors/. */
export interface KnownFiles {
  series: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  /** How messages name a file of that folder, e.g. content/series/x.md. */
  fileOf: (folder: 'series' | 'authors', slug: string) => string;
}

/** A byline written like a file name (ASCII with a dash, zhang-san) names an author file; anything else is a name. */
export const LOOKS_LIKE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/**
 * What articles say about other files, checked across the newsroom: the
 * series an article joins exists, its part number is its own, the articles
 * it pins as related exist and are not itself, and a byline written like a
 * file name has an author file. A series nobody joins yet is a warning:
 * editors may be preparing it.
 */
export function checkReferences(files: readonly ReferringFile[], known: KnownFiles): ReferenceCheck {
  const seriesSlugs = known.series;
  const seriesFile = (slug: string) => known.fileOf('series', slug);
  const problems: string[] = [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const parts = new Map<string, string>();
  const joined = new Set<string>();
  for (const { id, filePath, refs } of files) {
    if (refs.series !== undefined) {
      if (!seriesSlugs.has(refs.series)) {
        const known = [...seriesSlugs].sort();
        problems.push(
          `${filePath}: "series": no series "${refs.series}"; start it as ${seriesFile(refs.series)}${known.length ? ` or use one of: ${known.join(', ')}` : ''}`,
        );
      } else {
        joined.add(refs.series);
      }
    }
    if (refs.series_part !== undefined) {
      if (refs.series === undefined) {
        problems.push(`${filePath}: "series_part": given without "series"; name the series this is part ${refs.series_part} of`);
      } else {
        const key = `${refs.series}\0${refs.series_part}`;
        const other = parts.get(key);
        if (other) problems.push(`${filePath}: "series_part": part ${refs.series_part} of "${refs.series}" is also ${other}; give each part its own number`);
        else parts.set(key, filePath);
      }
    }
    for (const name of refs.authors) {
      if (LOOKS_LIKE_SLUG.test(name) && !known.authors.has(name)) {
        problems.push(`${filePath}: "authors": no author file "${name}"; add ${known.fileOf('authors', name)}, or write the person's name`);
      }
    }
    for (const slug of refs.related) {
      if (slug === id) problems.push(`${filePath}: "related": lists the article itself ("${slug}"); name other articles`);
      else if (!byId.has(slug)) problems.push(`${filePath}: "related": no article "${slug}" (no articles/${slug}.md or articles/${slug}/index.md)`);
    }
  }
  const warnings = [...seriesSlugs]
    .filter((slug) => !joined.has(slug))
    .sort()
    .map((slug) => `${seriesFile(slug)}: no article has "series: ${slug}" yet; its page lists no parts`);
  return { problems, warnings };
}
