import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { LEVEE, SEED } from '../support/series-site.ts';

// The series newsroom: nine dated articles over three years in two sections, the seed article undated.
const dist = inject('distSeries');
const BASE = '/news/';
const page = async (file: string) => parse(await readFile(path.join(dist, file), 'utf8'));
const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const linkOf = (li: HTMLElement) => li.querySelector('h2 a, h3 a')?.getAttribute('href') ?? '';
const idOf = (li: HTMLElement) => linkOf(li).slice(`${BASE}articles/`.length).replace(/\/$/, '');

/** Each listed article with what its meta line shows, and the same read off its own page. */
async function items(file: string) {
  const doc = await page(file);
  return Promise.all(
    // The articles listed (the home page also lists its newest series).
    doc.querySelectorAll('.yd-article-list > li').filter((li) => linkOf(li).startsWith(`${BASE}articles/`)).map(async (li) => {
      const id = idOf(li);
      const own = (await page(`articles/${id}/index.html`)).querySelector('.yd-article-header .yd-meta');
      const meta = li.querySelector('.yd-meta');
      return {
        id,
        dates: meta?.querySelectorAll('time').map((t) => t.getAttribute('datetime')) ?? [],
        published: own?.querySelector('time')?.getAttribute('datetime'),
        section: text(meta?.querySelector('a[href*="/sections/"]')),
        minutes: /阅读约 \d+ 分钟/.exec(text(meta))?.[0],
        ownMinutes: /阅读约 \d+ 分钟/.exec(text(own))?.[0],
        meta: text(meta),
      };
    }),
  );
}

describe('every listing item says when the article appeared', () => {
  it('home: each dated article shows its date as <time datetime>, its section and its reading time; the undated one no date', async () => {
    const listed = await items('index.html');
    expect(listed.length).toBeGreaterThan(8);
    for (const item of listed) {
      expect(item.dates[0], item.id).toBe(item.published);
      expect(item.section, item.id).not.toBe('');
      expect(item.minutes, item.id).toBe(item.ownMinutes);
      expect(item.minutes, item.id).toBeDefined();
    }
    expect(listed.find((item) => item.id === SEED)?.dates).toEqual([]);
  });

  it('an article corrected after it appeared says 更新于 with the day of its latest correction', async () => {
    const levee = (await items('index.html')).find((item) => item.id === LEVEE);
    expect(levee?.dates).toEqual(['2024-10-02', '2024-10-08']);
    expect(levee?.meta).toContain('更新于 2024-10-08');
  });

  it('a section page does not repeat its own name under every item; a tag page, mixing sections, names each', async () => {
    const society = await items('sections/society/index.html');
    expect(society.length).toBeGreaterThan(3);
    for (const item of society) {
      expect(item.section, item.id).toBe('');
      expect(item.dates[0], item.id).toBe(item.published);
    }
    const tag = await items('tags/台风/index.html');
    expect(tag.every((item) => item.section !== '')).toBe(true);
  });
});
