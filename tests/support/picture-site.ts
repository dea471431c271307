import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './build-site.ts';

/** The picture fixture's slug and pages, as the build writes them. */
export const PICTURE_ID = 'data-center-day';
export const PICTURE_PAGE = `articles/${PICTURE_ID}/index.html`;
export const PICTURE_HANT_PAGE = `articles/${PICTURE_ID}/zh-hant/index.html`;
export const PICTURE_FIXTURE = path.join(ROOT, 'tests/fixtures/picture-article/article');
/** An article written in traditional characters (lang: zh-Hant), in the same build. */
export const HANT_ID = 'taipei-mrt-morning';

/**
 * A content folder with the site's own content plus the picture fixture as an
 * article folder (content/articles/<slug>/index.md with its pictures beside
 * it), an article written in traditional characters, and the 科技 section
 * both are filed under.
 */
export async function pictureContent(dir: string): Promise<string> {
  await cp(path.join(ROOT, 'content'), dir, { recursive: true });
  await cp(PICTURE_FIXTURE, path.join(dir, 'articles', PICTURE_ID), { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/hant-article/index.md'), path.join(dir, 'articles', `${HANT_ID}.md`));
  const sectionsFile = path.join(dir, 'sections.json');
  const sections = JSON.parse(await readFile(sectionsFile, 'utf8')) as { slug: string; name: string }[];
  await writeFile(sectionsFile, JSON.stringify([...sections, { slug: 'tech', name: '科技' }], null, 2));
  return dir;
}
