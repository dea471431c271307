import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { watchPeakMemory } from '../../scripts/lib/peak-memory.ts';
import { buildSite } from '../support/build-site.ts';
import { PICTURE_FIXTURE } from '../support/picture-site.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bad-pictures-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

const frontmatter = (extra = '') => `---\ntitle: "图片"\nsection: "美股新闻"\n${extra}---\n\n`;

/** A content folder of article folders: name -> { index.md text, extra files }. */
async function contentFolder(name: string, articles: Record<string, { md: string; files?: Record<string, string | Buffer> }>): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'sections.json'), JSON.stringify([{ slug: 'us-stocks', name: '美股新闻' }]));
  await writeFile(path.join(dir, 'site.json'), JSON.stringify({ name: '阅读', description: '测试', publisher: '阅读' }));
  await writeFile(path.join(dir, 'secret.jpg'), await readFile(path.join(PICTURE_FIXTURE, 'cover.jpg')));
  for (const [slug, { md, files = {} }] of Object.entries(articles)) {
    const folder = path.join(dir, 'articles', slug);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'index.md'), md);
    for (const [file, bytes] of Object.entries(files)) await writeFile(path.join(folder, file), bytes);
  }
  return dir;
}

describe('a bad picture stops the build', () => {
  it('names the article file and the picture, one line per problem, all at once', async () => {
    const dir = await contentFolder('bad', {
      missing: { md: `${frontmatter()}![照片](./nowhere.jpg)\n` },
      outside: { md: `${frontmatter()}![照片](../../../../etc/hosts.jpg)\n` },
      remote: { md: `${frontmatter()}![照片](https://cdn.example.com/a.jpg)\n` },
      text: { md: `${frontmatter()}![照片](./notes.jpg)\n`, files: { 'notes.jpg': '这只是一段文字。' } },
      'no-alt': { md: frontmatter('cover: ./c.jpg\n') + '正文。\n', files: { 'c.jpg': 'x' } },
      unknown: { md: frontmatter('photographer: "某人"\n') + '正文。\n' },
      'cover-missing': { md: frontmatter('cover: ./gone.png\ncover_alt: "封面"\n') + '正文。\n' },
    });
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-bad'), contentDir: dir });
    expect(code).not.toBe(0);
    expect(output).toContain('content problems; fix these and build again');
    expect(output).toMatch(/articles\/missing\/index\.md: picture "\.\/nowhere\.jpg": no such file/);
    expect(output).toMatch(/articles\/outside\/index\.md: picture "\.\.\/\.\.\/\.\.\/\.\.\/etc\/hosts\.jpg": points outside the content folder/);
    expect(output).toMatch(/articles\/remote\/index\.md: picture "https:\/\/cdn\.example\.com\/a\.jpg": remote pictures are not shown/);
    expect(output).toMatch(/articles\/text\/index\.md: picture "\.\/notes\.jpg": not a picture/);
    expect(output).toMatch(/articles\/no-alt\/index\.md: "cover_alt": required when "cover" is given/);
    expect(output).toMatch(/articles\/unknown\/index\.md: "photographer": unknown field/);
    expect(output).toMatch(/articles\/cover-missing\/index\.md: "cover" "\.\/gone\.png": no such file/);
  });

  it('refuses a path that leaves content/ even when the file exists, and an article with two files', async () => {
    const dir = await contentFolder('escape', { escape: { md: `${frontmatter()}![封面](../../../secret.jpg)\n` } });
    await writeFile(path.join(dir, 'articles', 'escape.md'), `${frontmatter()}正文。\n`);
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-escape'), contentDir: dir });
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles\/escape\/index\.md: picture "\.\.\/\.\.\/\.\.\/secret\.jpg": points outside the content folder/);
    expect(output).toMatch(/articles\/escape(\/index)?\.md: file name: "escape" is also .*articles\/escape(\/index)?\.md; one URL, one article/);
  });
});

describe('pictures that are fine but unusual', () => {
  it('encodes a 50-megapixel photo at column widths only, in bounded memory, and warns about missing alt text', async () => {
    // A colour of its own each run, so Astro's picture cache cannot spare the encoding being measured.
    const background = { r: Math.floor(Math.random() * 256), g: 140, b: 175 };
    const huge = await sharp({ create: { width: 8000, height: 6250, channels: 3, background } }).jpeg({ quality: 80 }).toBuffer();
    const dir = await contentFolder('huge', {
      huge: { md: `${frontmatter()}导语。\n\n![航拍的城市全景](./huge.jpg "五千万像素")\n\n![](./small.jpg)\n`, files: { 'huge.jpg': huge } },
    });
    await cp(path.join(PICTURE_FIXTURE, 'cover.jpg'), path.join(dir, 'articles', 'huge', 'small.jpg'));
    const out = path.join(tmp, 'out-huge');
    let watch: ReturnType<typeof watchPeakMemory> | undefined;
    const { code, output } = await buildSite({ outDir: out, contentDir: dir, onStart: (pid) => (watch = watchPeakMemory(pid)) });
    const peak = (await watch?.stop()) ?? 0;
    expect(code, output).toBe(0);
    expect(output).toMatch(/articles\/huge\/index\.md: picture "\.\/small\.jpg": no alt text/);
    // Astro alone takes ~0.6 GB here; one 50 MP picture must not take gigabytes more.
    expect(peak).toBeLessThan(1.5 * 1024 ** 3);
    const doc = parse(await readFile(path.join(out, 'articles/huge/index.html'), 'utf8'));
    const img = doc.querySelector('img[alt="航拍的城市全景"]');
    expect(img?.attributes).toMatchObject({ width: '8000', height: '6250' });
    expect(img?.getAttribute('srcset')?.split(', ').map((c) => c.split(' ')[1])).toEqual(['360w', '540w', '720w', '1080w', '1440w']);
  });
});

describe('a rebuild', () => {
  it('reuses every encoded picture from the cache instead of encoding it again', async () => {
    const { code, output } = await buildSite({ outDir: path.join(tmp, 'out-again'), contentDir: inject('pictureContentDir'), base: '/news/' });
    expect(code, output).toBe(0);
    // Astro colours its log whenever CI is set; read the words, not the escape codes.
    const pictures = stripVTControlCharacters(output).split('\n').filter((line) => /▶ \/_astro\/\S+\.(?:avif|webp|jpeg|png)/.test(line));
    expect(pictures.length).toBeGreaterThan(40);
    expect(pictures.filter((line) => !line.includes('(reused cache entry)'))).toEqual([]);
  });
});
