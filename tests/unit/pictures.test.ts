import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPicture } from '../../src/lib/render/pictures.ts';
import { PICTURE_FIXTURE } from '../support/picture-site.ts';

let content: string;
let article: string;
const label = 'content/articles/demo/index.md';
const check = (src: string, field = 'picture') => checkPicture(src, article, content, label, field);

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'yuedu-pictures-'));
  const dir = path.join(content, 'articles', 'demo');
  await mkdir(dir, { recursive: true });
  await cp(PICTURE_FIXTURE, dir, { recursive: true });
  article = path.join(dir, 'index.md');
  await writeFile(path.join(dir, 'notes.jpg'), '这不是图片，只是文字。');
  await writeFile(path.join(dir, 'fake.svg'), 'not an svg either');
  await writeFile(path.join(dir, 'photo.bmp'), 'BM');
  await writeFile(path.join(content, 'outside.jpg'), 'x');
});
afterAll(() => rm(content, { recursive: true, force: true }));

describe('checkPicture', () => {
  it.each([
    ['./cover.jpg', 'jpeg', 1600, 900],
    ['revenue-chart.png', 'png', 640, 420],
    ['./loading.gif', 'gif', 160, 120],
    ['./data-center.webp', 'webp', 1000, 750],
    ['./night-city.avif', 'avif', 900, 600],
    ['./cloud-diagram.svg', 'svg', 640, 420],
  ])('accepts %s as %s, %ix%i', async (src, format, width, height) => {
    const result = await check(src);
    expect(result).toEqual({ ok: true, picture: { src, relative: src.startsWith('.') ? src : `./${src}`, format, width, height } });
  });

  it.each([
    ['https://cdn.example.com/a.jpg', /remote pictures are not shown/],
    ['//cdn.example.com/a.jpg', /remote pictures are not shown/],
    ['data:image/png;base64,AAAA', /remote pictures are not shown/],
    ['/images/a.jpg', /use a path relative to the article file/],
    ['../../../etc/passwd.jpg', /points outside the content folder/],
    ['./missing.jpg', /no such file/],
    ['./notes.jpg', /not a picture/],
    ['./fake.svg', /not a picture/],
    ['./photo.bmp', /not a picture file name/],
    ['', /empty picture path/],
  ])('refuses %j, naming the article and the path', async (src, reason) => {
    const result = await check(src, '"cover"');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toContain(`${label}: "cover" "${src}"`);
      expect(result.problem).toMatch(reason);
    }
  });
});
