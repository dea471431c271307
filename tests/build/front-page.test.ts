import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { COVERED, LEVEE, SEED } from '../support/series-site.ts';

// The series newsroom's front page: nine dated articles over three years in three sections, the seed undated,
// one article (not the newest) with a cover.
const dist = inject('distSeries');
const BASE = '/news/';
const page = async (file: string) => parse(await readFile(path.join(dist, file), 'utf8'));
const idOf = (a: HTMLElement | null | undefined) => (a?.getAttribute('href') ?? '').slice(`${BASE}articles/`.length).replace(/\/$/, '');

describe('the front page', () => {
  it('leads with the newest dated article that has a cover, its cover large and fetched at once, its byline and teaser', async () => {
    const doc = await page('index.html');
    const lead = doc.querySelector('.yd-front-lead .yd-lead');
    expect(idOf(lead?.querySelector('h3 a'))).toBe(COVERED);
    // Newer without a cover: the levee story, which the latest list opens with.
    expect(idOf(doc.querySelector('.yd-front-latest > .yd-article-list h3 a'))).toBe(LEVEE);
    const cover = lead?.querySelector('.yd-lead-cover img');
    expect(cover?.getAttribute('loading')).toBe('eager');
    expect(cover?.getAttribute('fetchpriority')).toBe('high');
    expect(cover?.getAttribute('alt')).toBe('台风过后的东港市渔港');
    expect(Number(cover?.getAttribute('width'))).toBeGreaterThan(0);
    expect(lead?.querySelector('.yd-meta time')?.getAttribute('datetime')).toBe('2024-09-06');
    expect(lead?.querySelector('.yd-meta')?.textContent).toContain('林晓雨');
    expect(lead?.querySelector('.yd-teaser')?.textContent.length).toBeGreaterThan(20);
    // Every other picture on the page waits until the reader scrolls near it.
    const others = doc.querySelectorAll('img').filter((img) => !img.closest('.yd-front-lead'));
    for (const img of others) expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('lists the latest after the lead (never twice), every dated one with its date, the undated seed without one', async () => {
    const doc = await page('index.html');
    const latest = doc.querySelectorAll('.yd-front-latest > .yd-article-list > li');
    const ids = latest.map((li) => idOf(li.querySelector('h3 a')));
    expect(ids).not.toContain(COVERED);
    expect(ids).toContain(SEED);
    expect(ids).toHaveLength(9);
    for (const li of latest) {
      const dated = idOf(li.querySelector('h3 a')) !== SEED;
      expect(li.querySelectorAll('.yd-meta time').length > 0, idOf(li.querySelector('h3 a'))).toBe(dated);
    }
  });

  it('holds one block per section with that section’s newest three, a link to the section, and no section label on its items', async () => {
    const doc = await page('index.html');
    const blocks = doc.querySelectorAll('.yd-section-block');
    expect(blocks.map((b) => b.querySelector('h3')?.textContent.trim())).toEqual(['美股新闻', '社会', '科技']);
    for (const block of blocks) {
      const href = block.querySelector('h3 a')?.getAttribute('href') ?? '';
      const own = await page(path.join(href.slice(BASE.length), 'index.html'));
      const newest = own.querySelectorAll('.yd-article-list > li h2 a').slice(0, 3).map(idOf);
      expect(block.querySelectorAll('.yd-article-list > li h4 a').map(idOf)).toEqual(newest);
      expect(block.querySelector('.yd-block-more a')?.getAttribute('href')).toBe(href);
      expect(block.querySelectorAll('.yd-meta a[href*="/sections/"]')).toHaveLength(0);
    }
  });

  it('ranks stories by heading: the lead an h3 under 头条, the latest h3s under 最新文章, a block’s items h4s under its section', async () => {
    const doc = await page('index.html');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('#yd-front-lead')?.textContent).toBe('头条');
    expect(doc.querySelector('.yd-front-latest .yd-page-title')?.textContent.trim()).toBe('最新文章');
    expect(doc.querySelectorAll('.yd-section-block h4').length).toBeGreaterThan(3);
  });
});
