/**
 * The importer's writes to content/, each atomic: a temporary file or folder
 * beside the target, then a rename, so an interrupted import leaves either
 * the old article or the new one, never half of one.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Section } from '../../src/lib/content/sections.ts';

const tag = () => `${process.pid}-${Date.now().toString(36)}`;

async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${tag()}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Where an article lives: content/articles/<slug>.md, or its folder when it has pictures. */
export function articlePaths(articlesDir: string, slug: string) {
  return { file: path.join(articlesDir, `${slug}.md`), folder: path.join(articlesDir, slug) };
}

export function articleExists(articlesDir: string, slug: string): string | undefined {
  const { file, folder } = articlePaths(articlesDir, slug);
  return existsSync(file) ? file : existsSync(path.join(folder, 'index.md')) ? folder : undefined;
}

/**
 * Writes an article, replacing whatever form it had (file or folder): with
 * pictures, a folder holding index.md and them; without, <slug>.md.
 */
export async function writeArticle(articlesDir: string, slug: string, text: string, pictures: { name: string; bytes: Uint8Array }[]): Promise<string> {
  const { file, folder } = articlePaths(articlesDir, slug);
  // An old article is renamed aside (a dot name the loader skips) and removed once the new one is in place.
  const setAside: string[] = [];
  const moveAside = async (old: string) => {
    const to = path.join(path.dirname(old), `.${path.basename(old)}.${tag()}.old`);
    await rename(old, to);
    setAside.push(to);
  };
  let target: string;
  if (pictures.length === 0) {
    await writeFileAtomically(file, text);
    target = file;
  } else {
    const temporary = path.join(articlesDir, `.${slug}.${tag()}.tmp`);
    try {
      await mkdir(temporary);
      for (const picture of pictures) await writeFile(path.join(temporary, picture.name), picture.bytes);
      await writeFile(path.join(temporary, 'index.md'), text);
      if (existsSync(folder)) await moveAside(folder);
      await rename(temporary, folder);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    target = folder;
  }
  // The other form of the same slug is the old article.
  const other = target === file ? folder : file;
  if (existsSync(other)) await moveAside(other);
  await Promise.all(setAside.map((p) => rm(p, { recursive: true, force: true })));
  return target;
}

/** Adds sections to sections.json, keeping its order and format. */
export async function addSections(contentDir: string, added: Section[]): Promise<void> {
  if (added.length === 0) return;
  const file = path.join(contentDir, 'sections.json');
  const sections = JSON.parse(await readFile(file, 'utf8')) as Section[];
  const lines = [...sections, ...added].map((s) => `  { "slug": ${JSON.stringify(s.slug)}, "name": ${JSON.stringify(s.name)} }`);
  await writeFileAtomically(file, `[\n${lines.join(',\n')}\n]\n`);
}

/** source_url -> the article that carries it, for refusing a second import of the same page. */
export async function sourceIndex(articlesDir: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for (const entry of await readdir(articlesDir, { withFileTypes: true }).catch(() => [])) {
    if (entry.name.startsWith('.')) continue;
    const file = entry.isDirectory() ? path.join(articlesDir, entry.name, 'index.md') : entry.name.endsWith('.md') ? path.join(articlesDir, entry.name) : undefined;
    if (!file) continue;
    const head = (await readFile(file, 'utf8').catch(() => '')).slice(0, 4096);
    const url = /^source_url:\s*"?([^"\n]+)"?\s*$/m.exec(head.split('\n---')[0] ?? '')?.[1];
    if (url) index.set(url, entry.isDirectory() ? entry.name : entry.name.slice(0, -'.md'.length));
  }
  return index;
}
