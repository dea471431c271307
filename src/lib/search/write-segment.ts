import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { BuildLogger } from './build-logger.ts';
import { folderFiles, pageIds, type CachedSegment } from './index-cache.ts';
import { LANGUAGES } from './index-pages.ts';
import type { CurrentArticle, IndexedPage } from './index-plan.ts';
import { withCredits, withYearFilter } from './index-attributes.ts';
import { markWordBreaks } from './word-breaks.ts';

interface Entry {
  version: string;
  languages: Record<string, { page_count?: number }>;
}

function assertOk(step: string, response: { errors: string[] }, logger: BuildLogger): void {
  if (response.errors.length === 0) return;
  for (const error of response.errors) logger.error(`${step}: ${error}`);
  throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
}

/**
 * What Pagefind writes that yuedu never loads: its ready-made UIs and its
 * highlighter (yuedu has its own), and in a merged bundle also the script,
 * worker and wasm, as the primary bundle's run every search. Two thirds of a
 * small site's dist/ otherwise.
 */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
export const UNUSED_WHEN_MERGED = /^(?:pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

async function prune(folder: string): Promise<void> {
  for (const file of await readdir(folder)) if (UNUSED.test(file)) await rm(path.join(folder, file));
}

interface Batch {
  locale: string;
  files: string[];
}

/**
 * Copies of a batch's pages with their Chinese word breaks marked
 * (word-breaks.ts), their year as a filter and their byline and tags as
 * lightly weighted text (index-attributes.ts) in a temporary folder, at the same paths, so
 * Pagefind derives the same URLs from them. Returns the folder.
 */
async function stageBatch(site: string, { files, locale }: Batch): Promise<string> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'yuedu-index-'));
  try {
    for (const file of files) {
      const target = path.join(staging, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, markWordBreaks(withCredits(withYearFilter(await readFile(path.join(site, file), 'utf8'))), locale));
    }
    return staging;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** One Pagefind process over a staged batch, closed afterwards so its memory is returned before the next. */
async function indexBatch(staging: string, files: string[], outputPath: string, logger: BuildLogger): Promise<Entry> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind createIndex failed: ${errors.join('; ')}`);
    // One glob naming each file lets Pagefind read them itself: a third faster than sending each
    // page's HTML through the API. Article paths are ASCII slugs, so nothing in them needs escaping.
    const glob = files.length === 1 ? (files[0] ?? '') : `{${files.join(',')}}`;
    const added = await index.addDirectory({ path: staging, glob });
    assertOk('addDirectory', added, logger);
    assertOk('writeFiles', await index.writeFiles({ outputPath }), logger);
    return JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as Entry;
  } finally {
    await pagefind.close();
  }
}

/** The site-root URLs Pagefind may give a page file, in either URL format. */
const urlsOf = (file: string) => [`/${file}`, `/${file.replace(/index\.html$/, '')}`, `/${file.replace(/\.html$/, '')}`];

/**
 * Indexes one segment (both scripts, one Pagefind run each) into a folder of
 * its own in the cache, written beside its final name and renamed when whole.
 */
export async function writeSegment(site: string, root: string, articles: CurrentArticle[], logger: BuildLogger): Promise<CachedSegment> {
  const pages = articles.flatMap((article) => Object.entries(article.pages).map(([file, page]) => ({ file, ...page })));
  const name = `seg-${createHash('sha256')
    .update(pages.map((p) => `${p.file}:${p.hash}`).sort().join('\n'))
    .digest('hex')
    .slice(0, 16)}`;
  const building = path.join(root, `${name}.tmp-${process.pid}`);
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const entry: Entry = { version: '', languages: {} };
  const jobs = LANGUAGES.map(({ lang, locale }) => ({ lang, locale, files: pages.filter((p) => p.lang === lang).map((p) => p.file) })).filter(
    (job) => job.files.length > 0,
  );
  // The next script's pages are staged while Pagefind (its own process) indexes this one's.
  let next: Promise<string> | undefined = jobs[0] && stageBatch(site, jobs[0]);
  try {
    for (const [i, job] of jobs.entries()) {
      const staging = await (next as Promise<string>);
      const following = jobs[i + 1];
      next = following && stageBatch(site, following);
      // Its failure is reported when awaited, not as an unhandled rejection meanwhile.
      next?.catch(() => undefined);
      const written = await indexBatch(staging, job.files, building, logger).finally(() => rm(staging, { recursive: true, force: true }));
      const indexed = written.languages[job.lang]?.page_count ?? 0;
      if (indexed === 0) throw new Error(`Pagefind wrote no "${job.lang}" pages for ${job.files[0]} and on`);
      // Each run rewrites the folder's entry file with its own language only; the segment's lists both.
      Object.assign(entry, { ...written, languages: { ...entry.languages, ...written.languages } });
    }
  } finally {
    await next?.then((staging) => rm(staging, { recursive: true, force: true })).catch(() => undefined);
  }
  await writeFile(path.join(building, 'pagefind-entry.json'), JSON.stringify(entry));
  await prune(building);
  const ids = await pageIds(building);
  const indexedPages: Record<string, IndexedPage> = {};
  for (const page of pages) {
    const id = urlsOf(page.file).map((url) => ids.get(url)).find(Boolean);
    if (!id) throw new Error(`Pagefind: no page id for ${page.file} in the segment written`);
    indexedPages[page.file] = { hash: page.hash, lang: page.lang, id };
  }
  const files = await folderFiles(building);
  await rm(path.join(root, name), { recursive: true, force: true });
  await rename(building, path.join(root, name));
  return { name, articles: articles.length, pages: indexedPages, files, languages: Object.keys(entry.languages) };
}
