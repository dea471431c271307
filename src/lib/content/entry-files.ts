import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { renderMarkdown, type RenderedArticle } from '../render/markdown.ts';
import { checkPicture, type CheckedPicture } from '../render/pictures.ts';
import { SLUG_PATTERN } from './article-file.ts';
import { describeIssues } from './content-error.ts';
import { readFrontmatter } from './frontmatter.ts';
import { contentDir } from './sections.ts';

/** One file of content/series/ or content/authors/: checked frontmatter, and its body rendered like an article's. */
export interface EntryFile<D> {
  slug: string;
  /** Root-relative, for messages and the content store. */
  filePath: string;
  data: D;
  body: string;
  rendered: RenderedArticle;
  /** The picture its frontmatter names (a series' cover, an author's photo). */
  picture: CheckedPicture | undefined;
  /** The body's pictures, in document order. */
  pictures: CheckedPicture[];
}

export interface EntryFiles<D> {
  entries: EntryFile<D>[];
  /** Every problem in every file, one line each naming file and field. */
  problems: string[];
  /** Every file name in the folder, good or bad: an article naming one of these is not naming something unknown. */
  slugs: Set<string>;
}

export interface EntryKind<S extends z.ZodType> {
  /** The folder under content/, and what one file is called in messages ("after-the-typhoon"). */
  folder: string;
  example: string;
  schema: S;
  /** The frontmatter field naming a picture beside the file. */
  pictureField: string;
}

/**
 * content/<folder>/*.md, every file read and checked: both the articles
 * loader (which reports these problems with its own, so one build lists
 * every problem) and the folder's own loader (which stores the good ones) ask.
 */
export async function readEntryFiles<S extends z.ZodType>(root: string, kind: EntryKind<S>): Promise<EntryFiles<z.infer<S>>> {
  const dir = path.join(contentDir, kind.folder);
  const result: EntryFiles<z.infer<S>> = { entries: [], problems: [], slugs: new Set() };
  if (!existsSync(dir)) return result;
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort();
  for (const name of names) {
    const slug = name.slice(0, -'.md'.length);
    const file = path.join(dir, name);
    const filePath = path.relative(root, file).split(path.sep).join('/');
    result.slugs.add(slug);
    if (!SLUG_PATTERN.test(slug)) result.problems.push(`${filePath}: file name: "${slug}" is not an ASCII slug like "${kind.example}"; it becomes the URL`);
    const front = readFrontmatter(await readFile(file), filePath);
    if (!front.ok) {
      result.problems.push(...front.problems);
      continue;
    }
    const parsed = kind.schema.safeParse(front.data);
    if (!parsed.success) {
      result.problems.push(...describeIssues(filePath, parsed.error.issues, front.data));
      continue;
    }
    const data = parsed.data as z.infer<S>;
    const rendered = renderMarkdown(front.body);
    const problemsBefore = result.problems.length;
    const check = async (src: string, field: string) => {
      const checked = await checkPicture(src, file, contentDir, filePath, field);
      if (checked.ok) return checked.picture;
      result.problems.push(checked.problem);
      return undefined;
    };
    const pictures = (await Promise.all(rendered.pictureRefs.map((ref) => check(ref.src, 'picture')))).flatMap((p) => (p ? [p] : []));
    const named = (data as Record<string, unknown>)[kind.pictureField];
    const picture = typeof named === 'string' ? await check(named, `"${kind.pictureField}"`) : undefined;
    if (result.problems.length === problemsBefore) result.entries.push({ slug, filePath, data, body: front.body, rendered, picture, pictures });
  }
  return result;
}
