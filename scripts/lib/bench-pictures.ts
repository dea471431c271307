import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { PHONE } from '../../tests/support/browser.ts';
import { PICTURE_PAGE, pictureContent } from '../../tests/support/picture-site.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

type Build = (outDir: string, env?: NodeJS.ProcessEnv) => Promise<{ code: number | null; seconds: number; output: string }>;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * The picture fixture (a cover and six pictures in every source format):
 * build time with an empty and with a warm picture cache, the bytes of every
 * encoded width and format, and what a phone fetches before scrolling.
 */
export async function benchPictures(tmp: string, build: Build, browser: Browser): Promise<void> {
  const content = await pictureContent(path.join(tmp, 'picture-content'));
  const env = { YUEDU_CONTENT_DIR: content, YUEDU_CACHE_DIR: path.join(tmp, 'picture-cache') };
  const outDir = path.join(tmp, 'picture-dist');
  const cold = await build(outDir, env);
  if (cold.code !== 0) throw new Error(`picture build failed:\n${cold.output}`);
  const warm = await build(outDir, env);
  if (warm.code !== 0) throw new Error(`picture build failed:\n${warm.output}`);
  console.log(`\npicture article: build ${cold.seconds.toFixed(1)} s with an empty picture cache, ${warm.seconds.toFixed(1)} s with a warm one`);

  const doc = parse(await readFile(path.join(outDir, PICTURE_PAGE), 'utf8'));
  const widths = new Set<string>();
  const rows: { picture: string; format: string; sizes: Map<string, number> }[] = [];
  for (const picture of doc.querySelectorAll('picture')) {
    const img = picture.querySelector('img');
    const name = path.basename(img?.getAttribute('src') ?? '').split('.')[0] ?? '';
    for (const el of [...picture.querySelectorAll('source'), ...(img ? [img] : [])]) {
      const format = el.getAttribute('type')?.replace('image/', '') ?? `${path.extname(el.getAttribute('src') ?? '').slice(1)} (fallback)`;
      const sizes = new Map<string, number>();
      const candidates = (el.getAttribute('srcset') ?? `${el.getAttribute('src') ?? ''} file`).split(', ');
      for (const candidate of candidates) {
        const [url = '', width = ''] = candidate.split(' ');
        widths.add(width);
        sizes.set(width, (await stat(path.join(outDir, url))).size);
      }
      rows.push({ picture: name, format, sizes });
    }
  }
  const columns = [...widths].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  console.log(`\n| picture | format | ${columns.join(' | ')} |  (KB)`);
  console.log(`|---|---|${columns.map(() => '---:').join('|')}|`);
  for (const row of rows) {
    console.log(`| ${row.picture} | ${row.format} | ${columns.map((w) => (row.sizes.has(w) ? kb(row.sizes.get(w) ?? 0) : '')).join(' | ')} |`);
  }

  const server = await serveStatic(outDir);
  // The first screen alone: offline reading fetches the other pictures once the page has loaded.
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched: number[] = [];
  page.on('requestfinished', async (request) => {
    if (/\.(?:avif|webp|jpe?g|png|gif)$/.test(new URL(request.url()).pathname)) fetched.push((await request.sizes()).responseBodySize);
  });
  await page.goto(`${server.url}${PICTURE_PAGE.replace('index.html', '')}`);
  await page.waitForLoadState('networkidle');
  console.log(`phone first screen: ${fetched.length} picture(s), ${kb(fetched.reduce((a, b) => a + b, 0))} KB before any scroll`);
  await context.close();
  await server.close();
}
