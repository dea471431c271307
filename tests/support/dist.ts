import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under dir, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

export const readText = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');

export const ARTICLE_ID = 'ali-yun-haishi-alibaba-de-na-duo-yun';
export const ARTICLE_PAGE = `articles/${ARTICLE_ID}/index.html`;
export const SEED = new URL('../fixtures/000_133c2ddfb411b34c.txt', import.meta.url);
