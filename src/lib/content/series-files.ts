import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMarkdown, type RenderedArticle } from '../render/markdown.ts';
import { checkPicture, type CheckedPicture } from '../render/pictures.ts';
import { SLUG_PATTERN } from './article-file.ts';
import { describeIssues } from './content-error.ts';
import { readFrontmatter } from './frontmatter.ts';
import { seriesSchema, type SeriesData } from './series-schema.ts';
import { contentDir } from './sections.ts';

export interface SeriesFile {
  slug: string;
  /** Root-relative, for messages and the content store. */
  filePath: string;
  data: SeriesData;
  body: string;
  rendered: RenderedArticle;
  cover: CheckedPicture | undefined;
  pictures: CheckedPicture[];
}

export interface SeriesFiles {
  series: SeriesFile[];
  /** Every problem in every series file, one line each naming file and field. */
  problems: string[];
  /** Every file name in content/series/, good or bad: an article naming one of these is not "unknown". */
  slugs: Set<string>;
}

let read: Promise<SeriesFiles> | undefined;

/**
 * content/series/*.md, read and checked once per build. Both loaders ask:
 * the articles loader reports these problems with its own (one build lists
 * every problem), the series loader stores the good ones.
 */
export function readSeriesFiles(root: string): Promise<SeriesFiles> {
  read ??= readAll(root);
  return read;
}

async function readAll(root: string): Promise<SeriesFiles> {
  const dir = path.join(contentDir, 'series');
  const result: SeriesFiles = { series: [], problems: [], slugs: new Set() };
  if (!existsSync(dir)) return result;
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort();
  for (const name of names) {
    const slug = name.slice(0, -'.md'.length);
    const file = path.join(dir, name);
    const filePath = path.relative(root, file).split(path.sep).join('/');
    result.slugs.add(slug);
    if (!SLUG_PATTERN.test(slug)) result.problems.push(`${filePath}: file name: "${slug}" is not an ASCII slug like "after-the-typhoon"; it becomes the URL`);
    const front = readFrontmatter(await readFile(file), filePath);
    if (!front.ok) {
      result.problems.push(...front.problems);
      continue;
    }
    const parsed = seriesSchema.safeParse(front.data);
    if (!parsed.success) {
      result.problems.push(...describeIssues(filePath, parsed.error.issues, front.data));
      continue;
    }
    const rendered = renderMarkdown(front.body);
    const check = (src: string, field: string) => checkPicture(src, file, contentDir, filePath, field);
    const pictures: CheckedPicture[] = [];
    let ok = true;
    for (const ref of rendered.pictureRefs) {
      const picture = await check(ref.src, 'picture');
      if (picture.ok) {
        pictures.push(picture.picture);
      } else {
        ok = false;
        result.problems.push(picture.problem);
      }
    }
    let cover: CheckedPicture | undefined;
    if (parsed.data.cover !== undefined) {
      const picture = await check(parsed.data.cover, '"cover"');
      if (picture.ok) {
        cover = picture.picture;
      } else {
        ok = false;
        result.problems.push(picture.problem);
      }
    }
    if (ok) result.series.push({ slug, filePath, data: parsed.data, body: front.body, rendered, cover, pictures });
  }
  return result;
}
