import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildOptions, type BuildResult } from '../support/build-site.ts';
import { listFiles } from '../support/dist.ts';
import { CHIPS, PHONES, SEED, seriesContent, TYPHOON } from '../support/series-site.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-series-rebuild-'));
const content = path.join(tmp, 'content');
const NEW_PART = 'typhoon-aftermath';
let first: BuildResult;
let again: BuildResult;
let afterPart: BuildResult;
let firstEnds: Record<string, string>;
let againEnds: Record<string, string>;

async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await buildSite(options);
  if (result.code !== 0) throw new Error(result.output);
  return result;
}

/** What a page shows at its end and under its title: its series and related reading, as hrefs and text. */
async function ends(dist: string): Promise<Record<string, string>> {
  const pages = (await listFiles(dist)).filter((f) => f.startsWith('articles/') || f.startsWith('series/')).filter((f) => f.endsWith('.html'));
  const out: Record<string, string> = {};
  for (const file of pages.sort()) {
    const doc = parse(await readFile(path.join(dist, file), 'utf8'));
    out[file] = ['.yd-series-line', '.yd-series-end', '.yd-related', '.yd-series-list']
      .map((s) => doc.querySelector(s)?.toString() ?? '')
      .join('\n');
  }
  return out;
}

/**
 * Pages the build copied from its cache. Astro logs pages as they finish, two
 * workers at once, so a line can hold another page's name; only "name (restored)" is certain.
 */
const restoredPages = (output: string) => new Set([...output.matchAll(/(\/\S+?\.html) \(restored\)/g)].map((m) => m[1] ?? ''));
const seriesLine = async (id: string) =>
  parse(await readFile(path.join(tmp, 'dist', `articles/${id}/index.html`), 'utf8')).querySelector('.yd-series-line')?.textContent.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  await seriesContent(content);
  const dist = path.join(tmp, 'dist');
  first = await build({ outDir: dist, contentDir: content, cacheDir: path.join(tmp, 'cache') });
  again = await build({ outDir: path.join(tmp, 'dist-again'), contentDir: content, cacheDir: path.join(tmp, 'cache-again') });
  [firstEnds, againEnds] = await Promise.all([ends(dist), ends(path.join(tmp, 'dist-again'))]);
  // The editors add a fourth part to the typhoon series.
  await writeFile(
    path.join(content, 'articles', `${NEW_PART}.md`),
    '---\ntitle: "台风过后一个月"\nsection: "社会"\ndate: 2024-10-20\nseries: "after-the-typhoon"\nseries_part: 4\ntags: ["台风"]\n---\n\n台风过后一个月，渔港社区的街道重新热闹起来，渔船陆续出海。\n',
  );
  afterPart = await build({ outDir: dist, contentDir: content, cacheDir: path.join(tmp, 'cache') });
}, 240_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('series and related reading across builds', () => {
  it('chooses the same series lists and related reading in two builds of the same content', () => {
    expect(first.output).toMatch(/related reading for 10 article\(s\) in \d+ ms/);
    expect(again.output).toMatch(/related reading for 10 article\(s\) in \d+ ms/);
    expect(Object.keys(againEnds).length).toBeGreaterThan(20);
    expect(Object.values(againEnds).filter((html) => html.includes('yd-related')).length).toBeGreaterThan(15);
    expect(againEnds).toEqual(firstEnds);
  });

  it('adding a part re-renders the new part and the other parts (their end lists and counts), and reuses unrelated articles', async () => {
    const restored = restoredPages(afterPart.output);
    // Every part says it is one of four now: each was rendered again, in both scripts.
    for (const [i, id] of [...TYPHOON.parts, NEW_PART].entries()) {
      expect(restored, id).not.toContain(`/articles/${id}/index.html`);
      expect(restored, id).not.toContain(`/articles/${id}/zh-hant/index.html`);
      expect(await seriesLine(id)).toBe(`专题：台风过后 · 第 ${i + 1} 篇，共 4 篇`);
    }
    for (const id of [...CHIPS.parts, PHONES, SEED]) {
      expect(restored, id).toContain(`/articles/${id}/index.html`);
      expect(restored, id).toContain(`/articles/${id}/zh-hant/index.html`);
    }
    const last = parse(await readFile(path.join(tmp, 'dist', `articles/${TYPHOON.parts[2]}/index.html`), 'utf8'));
    expect(last.querySelector('.yd-series-next a')?.getAttribute('href')).toBe(`/articles/${NEW_PART}/`);
    const series = parse(await readFile(path.join(tmp, 'dist', `series/${TYPHOON.slug}/index.html`), 'utf8'));
    expect(series.querySelectorAll('.yd-series-list h3 a').map((a) => a.getAttribute('href'))).toEqual([...TYPHOON.parts, NEW_PART].map((id) => `/articles/${id}/`));
  });
});
