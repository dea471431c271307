/**
 * A small newsroom and one day of its editing, for the differential rebuild
 * test (tests/build/rebuild-equals-clean.test.ts). The day holds every kind of
 * edit the site supports; each feature that adds a kind of content adds its
 * edits here.
 */
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusFile, dateOf, rareTerm, writeCorpus } from '../../scripts/lib/corpus.ts';
import { ROOT } from './build-site.ts';
import { HANT_ID, PICTURE_FIXTURE, PICTURE_ID } from './picture-site.ts';

export const N = 30;
const DIGITS = 2;
export const SECTIONS = [
  { slug: 'tech', name: '科技' },
  { slug: 'finance', name: '财经' },
];
/** Tags that read alike in toneless pinyin: 示例/事例 (shili), 公式/公示 (gongshi), 权利/权力 (quanli). */
const TAGS: Record<number, string[]> = { 0: ['示例'], 1: ['公式'], 2: ['权利', '示例'], 3: ['公示'] };
const tagsOf = (k: number) => TAGS[k % 5] ?? [];

export const file = (dir: string, k: number) => corpusFile(dir, k, DIGITS);
const slug = (k: number) => `a-${String(k).padStart(DIGITS, '0')}`;

/** Two series: one with part numbers, one ordered by date. */
const SERIES = { storm: [2, 4, 6], year: [1, 3] };
async function writeSeries(dir: string, name: string, title: string): Promise<void> {
  await mkdir(path.join(dir, 'series'), { recursive: true });
  const text = `---\ntitle: ${JSON.stringify(title)}\ndescription: "合成新闻库里的一组连续报道。"\n---\n\n编者按：这组报道持续跟踪同一件事。\n`;
  await writeFile(path.join(dir, 'series', `${name}.md`), text);
}
/** An author with a page, credited on every eighth article with a photographer who has none. */
async function writeAuthor(dir: string, name: string): Promise<void> {
  await mkdir(path.join(dir, 'authors'), { recursive: true });
  await writeFile(path.join(dir, 'authors', 'wang-qiang.md'), `---\nname: ${JSON.stringify(name)}\ntitle: "记者"\n---\n\n本地新闻记者。\n`);
}
const credits = '[{ name: wang-qiang, role: "记者" }, { name: "李摄", role: "摄影" }]';

/**
 * Two articles in three pin their related reading (4 others, never the one the day deletes: an article
 * pinning a deleted one is an error); the third keeps the computed list.
 */
const pinned = (k: number) =>
  k % 3 === 0 ? undefined : [1, 2, 3, 4, 5].map((d) => (k + d) % N).filter((j) => j !== DAY.deleted && j !== k).slice(0, 4).map(slug);

/** Rewrites one frontmatter line (or adds it before the closing ---). */
async function setField(target: string, field: string, value: string | undefined): Promise<void> {
  const text = await readFile(target, 'utf8');
  const end = text.indexOf('\n---\n', 4);
  const lines = text.slice(0, end).split('\n').filter((line) => !line.startsWith(`${field}:`));
  if (value !== undefined) lines.push(`${field}: ${value}`);
  await writeFile(target, `${lines.join('\n')}${text.slice(end)}`);
}

async function seedText(): Promise<string> {
  const seed = await readFile(path.join(ROOT, 'content/articles/ali-yun-haishi-alibaba-de-na-duo-yun.md'), 'utf8');
  return seed.slice(seed.indexOf('\n---\n') + 5);
}

/** N synthetic articles in two sections with homophone tags, the picture article and a traditional-script one. */
export async function writeNewsroom(dir: string): Promise<void> {
  await writeCorpus(dir, { articles: N, source: await seedText(), digits: DIGITS });
  await writeFile(path.join(dir, 'sections.json'), `${JSON.stringify(SECTIONS, null, 2)}\n`);
  for (let k = 0; k < N; k++) {
    await setField(file(dir, k), 'section', JSON.stringify(SECTIONS[k % 2]?.name));
    const tags = tagsOf(k);
    if (tags.length) await setField(file(dir, k), 'tags', JSON.stringify(tags));
    const related = pinned(k);
    if (related) await setField(file(dir, k), 'related', JSON.stringify(related));
  }
  await writeAuthor(dir, '王强');
  await setField(file(dir, 2), 'editor_note', JSON.stringify('本文是合成新闻库的一部分，用于检验每日重建。'));
  for (let k = 1; k < N; k += 8) await setField(file(dir, k), 'authors', credits);
  await writeSeries(dir, 'storm', '台风过后');
  await writeSeries(dir, 'year', '芯片这一年');
  for (const [name, parts] of Object.entries(SERIES)) {
    for (const [i, k] of parts.entries()) {
      await setField(file(dir, k), 'series', name);
      if (name === 'storm') await setField(file(dir, k), 'series_part', String(i + 1));
    }
  }
  await cp(PICTURE_FIXTURE, path.join(dir, 'articles', PICTURE_ID), { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/hant-article/index.md'), path.join(dir, 'articles', `${HANT_ID}.md`));
}

/** What the day did, for the test to look for. */
export const DAY = {
  corrected: 5,
  correctedTerm: rareTerm(600),
  retitled: 7,
  newTitle: '更正后的标题：示例与事例',
  redated: 9,
  tagAdded: 11,
  tagRemoved: 12,
  resectioned: 13,
  deleted: 14,
  /** New: the newest, and one dated between two old ones (both tagged with the homophone 事例). */
  newest: N,
  between: N + 1,
  homophone: '事例',
  /** The article dated between two old ones becomes the storm series' fourth part; the year series is retitled. */
  seriesTitle: '芯片产业这一年',
  /** The author file's name changes: every page crediting them shows the new one. */
  authorName: '王小强',
};

/** A newsroom's day: every kind of edit the site supports. */
export async function newsroomDay(dir: string): Promise<void> {
  await writeCorpus(dir, { articles: N + 2, from: N, source: await seedText(), digits: DIGITS });
  // writeCorpus writes its own six sections each time.
  await writeFile(path.join(dir, 'sections.json'), `${JSON.stringify(SECTIONS, null, 2)}\n`);
  for (const k of [DAY.newest, DAY.between]) {
    await setField(file(dir, k), 'section', JSON.stringify(SECTIONS[k % 2]?.name));
    await setField(file(dir, k), 'tags', JSON.stringify([DAY.homophone]));
  }
  await setField(file(dir, DAY.newest), 'date', '2026-12-06');
  await setField(file(dir, DAY.between), 'series', 'storm');
  await setField(file(dir, DAY.between), 'series_part', '4');
  await writeSeries(dir, 'year', DAY.seriesTitle);
  await writeAuthor(dir, DAY.authorName);
  await setField(file(dir, DAY.between), 'date', dateOf(10, N + 2));
  const corrected = file(dir, DAY.corrected);
  await writeFile(corrected, (await readFile(corrected, 'utf8')).replace(rareTerm(DAY.corrected), DAY.correctedTerm));
  // The newsroom owns it: a 更正 under the byline and at the end, and on /corrections/.
  await setField(corrected, 'corrections', `[{ date: 2026-12-06, text: "计划名称初版有误，已改为${DAY.correctedTerm}。" }]`);
  await setField(file(dir, DAY.retitled), 'title', JSON.stringify(DAY.newTitle));
  await setField(file(dir, DAY.redated), 'date', dateOf(20, N));
  await setField(file(dir, DAY.tagAdded), 'tags', JSON.stringify(['新能源']));
  await setField(file(dir, DAY.tagRemoved), 'tags', undefined);
  await setField(file(dir, DAY.resectioned), 'section', JSON.stringify(SECTIONS[(DAY.resectioned + 1) % 2]?.name));
  await rm(file(dir, DAY.deleted));
  // A picture replaced under the same name: the page must point at the new picture's bytes.
  const pictures = path.join(dir, 'articles', PICTURE_ID);
  await copyFile(path.join(pictures, 'yunqi-hall.jpg'), path.join(pictures, 'cover.jpg'));
  // The site's description (shown on the home page and in feeds, not on article pages).
  const site = path.join(dir, 'site.json');
  await writeFile(site, (await readFile(site, 'utf8')).replace('合成新闻库，用于基准测试。', '每日更新的合成新闻库。'));
}

/**
 * The next day: a section's address changed and a section added. Every page's
 * header lists the sections, so every page is rendered again.
 */
export async function sectionsDay(dir: string): Promise<void> {
  const sections = [{ slug: 'tech', name: '科技' }, { slug: 'money', name: '财经' }, { slug: 'world', name: '国际' }];
  await writeFile(path.join(dir, 'sections.json'), `${JSON.stringify(sections, null, 2)}\n`);
  await setField(file(dir, 0), 'section', JSON.stringify('国际'));
}
