import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './build-site.ts';

export const SERIES_FIXTURE = path.join(ROOT, 'tests/fixtures/series-newsroom');
/** The numbered series and its parts in order; the series ordered by date and its parts in date order. */
export const TYPHOON = { slug: 'after-the-typhoon', title: '台风过后', parts: ['typhoon-night', 'typhoon-shelter', 'typhoon-rebuild'] };
export const CHIPS = { slug: 'chip-year', title: '芯片这一年', parts: ['chip-talent', 'chip-export', 'chip-fab'] };
/** Shares the typhoon tag and words with the typhoon series, in no series itself; has an editor's note and two corrections. */
export const LEVEE = 'levee-repair';
/** Bylines: a reporter and a photographer with author pages, a name without one, an agency. */
export const LIN = { slug: 'lin-xiaoyu', name: '林晓雨', title: '资深记者', articles: ['typhoon-shelter', 'typhoon-night'] };
export const CHEN = { slug: 'chen-mo', name: '陈默', title: '摄影记者', articles: ['typhoon-night', 'chip-fab'] };
/** Pins levee-repair as its related reading. */
export const PHONES = 'phone-prices';
export const SEED = 'ali-yun-haishi-alibaba-de-na-duo-yun';
/** The one article with a cover (not the newest): the front page leads with it. */
export const COVERED = 'typhoon-night';
export const SECTIONS = [
  { slug: 'us-stocks', name: '美股新闻' },
  { slug: 'society', name: '社会' },
  { slug: 'tech', name: '科技' },
];

/**
 * A small newsroom: the site's own content (the seed article, undated) plus
 * the series-newsroom fixture (two series, seven more articles over three
 * years), with the series cover beside its file and one article's cover.
 */
export async function seriesContent(dir: string): Promise<string> {
  await cp(path.join(ROOT, 'content'), dir, { recursive: true });
  await cp(SERIES_FIXTURE, dir, { recursive: true, filter: (src) => !src.endsWith('LICENSE.md') });
  await cp(path.join(ROOT, 'tests/fixtures/picture-article/article/cover.jpg'), path.join(dir, 'series/chip-year-cover.jpg'));
  await cp(path.join(ROOT, 'tests/fixtures/picture-article/article/yunqi-hall.jpg'), path.join(dir, 'authors/lin-xiaoyu.jpg'));
  // One article gets a cover, as a folder with its picture (the fixture keeps no second copy of the photo).
  const covered = path.join(dir, 'articles', COVERED);
  const source = await readFile(`${covered}.md`, 'utf8');
  await mkdir(covered);
  await writeFile(path.join(covered, 'index.md'), source.replace('---\n', '---\ncover: ./cover.jpg\ncover_alt: "台风过后的东港市渔港"\n'));
  await cp(path.join(ROOT, 'tests/fixtures/picture-article/article/yunqi-hall.jpg'), path.join(covered, 'cover.jpg'));
  await rm(`${covered}.md`);
  await writeFile(path.join(dir, 'sections.json'), JSON.stringify(SECTIONS, null, 2));
  const site = JSON.parse(await readFile(path.join(dir, 'site.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(dir, 'site.json'), JSON.stringify({ ...site, organizations: ['新华社'] }, null, 2));
  return dir;
}
