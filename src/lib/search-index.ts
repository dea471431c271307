import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { markWordBreaks } from './word-breaks.ts';

/** Where a build step reports: the console, or a test's collector. */
export interface BuildLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The pages to index: only article pages carry data-pagefind-body, so naming
 * them spares Pagefind parsing listings. Each goes to the index of its
 * <html lang> (an article written in traditional characters has its own page
 * in zh-Hant and its twin in zh-CN), segmented in the locale the browser
 * uses for that language's queries.
 */
const LANGUAGES = [
  { lang: 'zh-cn', locale: 'zh-CN' },
  { lang: 'zh-hant', locale: 'zh-Hant' },
];

/** The lang a built page declares on <html>, read from its first bytes. */
async function pageLocale(site: string, file: string): Promise<string | undefined> {
  const handle = await open(path.join(site, file));
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return /<html[^>]*\slang="([^"]+)"/.exec(buffer.subarray(0, bytesRead).toString('utf8'))?.[1];
  } finally {
    await handle.close();
  }
}

/**
 * Pages per Pagefind run. It holds about 0.4 MB per page of word-marked
 * Chinese until the run ends (0.8 MB unmarked), so 10,000 articles in one run
 * would need 4 GB on top of Astro's own; a run of this size stays near 2 GB.
 * Fewer runs mean fewer bundles for a search to open. Each run beyond the first writes a
 * bundle of its own (pagefind/<lang>-<n>/) that the browser merges at search
 * time (Pagefind's mergeIndex), listed in pagefind/yuedu-parts.json.
 * YUEDU_INDEX_BATCH lowers it so tests can exercise the merged bundles.
 */
const BATCH = Number(process.env['YUEDU_INDEX_BATCH']) || 5000;

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
const UNUSED_WHEN_MERGED = /^(?:pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

async function prune(folder: string, merged: boolean): Promise<void> {
  for (const file of await readdir(folder)) {
    if (UNUSED.test(file) || (merged && UNUSED_WHEN_MERGED.test(file))) await rm(path.join(folder, file));
  }
}

interface Batch {
  lang: string;
  locale: string;
  /** 0 for the language's first run, which writes into the primary bundle. */
  n: number;
  files: string[];
}

/**
 * Copies of a batch's pages with their Chinese word breaks marked
 * (src/lib/word-breaks.ts) in a temporary folder, at the same paths, so
 * Pagefind derives the same URLs from them. Returns the folder.
 */
async function stageBatch(site: string, { files, locale }: Batch): Promise<string> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'yuedu-index-'));
  try {
    for (const file of files) {
      const target = path.join(staging, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, markWordBreaks(await readFile(path.join(site, file), 'utf8'), locale));
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

/** Every language's pages, in runs of at most BATCH. `all` pairs each article page with its <html lang>. */
function batches(all: { file: string; locale: string | undefined }[]): Batch[] {
  return LANGUAGES.flatMap(({ lang, locale }) => {
    const files = all.filter((page) => page.locale === locale).map((page) => page.file);
    if (files.length === 0) throw new Error(`Pagefind: no ${lang} article pages to index`);
    return Array.from({ length: Math.ceil(files.length / BATCH) }, (_, n) => ({
      lang,
      locale,
      n,
      files: files.slice(n * BATCH, (n + 1) * BATCH),
    }));
  });
}

/**
 * Builds the search index into `<site>/pagefind/`. scripts/build.ts runs it
 * once `astro build` has exited and before the new site replaces dist/, so
 * no deploy ships pages without their index, and Pagefind's memory (about
 * 2.6 GB for a run of 5,000 pages of real news vocabulary) never adds to
 * Astro's (about 2 GB at 10,000 articles). A failed index fails the build.
 */
export async function indexSite(site: string, logger: BuildLogger): Promise<void> {
  const started = performance.now();
  const bundle = path.join(site, 'pagefind');
  const files = (await readdir(path.join(site, 'articles'), { recursive: true }))
    .map((file) => `articles/${file.split(path.sep).join('/')}`)
    .filter((file) => file.endsWith('.html'))
    .sort();
  const all: { file: string; locale: string | undefined }[] = [];
  // A few hundred files open at a time: a 10,000-article site has 20,000 pages.
  for (let i = 0; i < files.length; i += 256) {
    all.push(...(await Promise.all(files.slice(i, i + 256).map(async (file) => ({ file, locale: await pageLocale(site, file) })))));
  }
  const primary: Entry = { version: '', languages: {} };
  const parts: Record<string, string[]> = Object.fromEntries(LANGUAGES.map(({ lang }) => [lang, []]));
  const jobs = batches(all);
  let pages = 0;
  // The next batch is staged while Pagefind (its own process) indexes this one.
  let next: Promise<string> | undefined = jobs[0] && stageBatch(site, jobs[0]);
  try {
    for (const [i, job] of jobs.entries()) {
      const staging = await (next as Promise<string>);
      const following = jobs[i + 1];
      next = following && stageBatch(site, following);
      // Its failure is reported when awaited, not as an unhandled rejection meanwhile.
      next?.catch(() => undefined);
      const part = job.n === 0 ? '' : `${job.lang}-${job.n}/`;
      await mkdir(path.join(bundle, part), { recursive: true });
      const runStarted = performance.now();
      const entry = await indexBatch(staging, job.files, path.join(bundle, part), logger).finally(() =>
        rm(staging, { recursive: true, force: true }),
      );
      // A large archive takes minutes: say where the index is.
      if (jobs.length > LANGUAGES.length) {
        logger.info(`${job.lang} run ${job.n + 1}: ${job.files.length} page(s) in ${Math.round(performance.now() - runStarted)} ms`);
      }
      await prune(path.join(bundle, part), job.n > 0);
      const indexed = entry.languages[job.lang]?.page_count ?? 0;
      if (indexed === 0) throw new Error(`Pagefind wrote no "${job.lang}" pages for ${job.files[0]} and on`);
      pages += indexed;
      // Each run rewrites its bundle's entry file with its own language only; the primary lists all.
      if (job.n === 0) Object.assign(primary, { ...entry, languages: { ...primary.languages, ...entry.languages } });
      else parts[job.lang]?.push(part);
    }
  } finally {
    // A failed run leaves no staged copy behind.
    await next?.then((staging) => rm(staging, { recursive: true, force: true })).catch(() => undefined);
  }
  await writeFile(path.join(bundle, 'pagefind-entry.json'), JSON.stringify(primary));
  await writeFile(path.join(bundle, 'yuedu-parts.json'), JSON.stringify(parts));
  const bundles = Object.values(parts).reduce((sum, list) => sum + list.length + 1, 0);
  logger.info(`indexed ${pages} page(s) into ${bundles} bundle(s) in ${Math.round(performance.now() - started)} ms`);
}
