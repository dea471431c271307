import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuildLogger } from './build-logger.ts';
import { cacheKey, placeSegment, readManifest, segmentIntact, writeManifest, type CachedSegment } from './index-cache.ts';
import { currentArticles, LANGUAGES } from './index-pages.ts';
import { planIndex, sizesFor, type CurrentArticle } from './index-plan.ts';
import { newestFile, newestOrder } from './newest-order.ts';
import { UNUSED_WHEN_MERGED, writeSegment } from './write-segment.ts';

/**
 * Articles in a full index segment, so pages per Pagefind run. A run holds
 * about 0.55 MB per page of word-marked news text until it ends (the bench's
 * corpus, at 2,000 and 5,000 pages), so 10,000 articles in one run would need
 * 5.5 GB; a run of this size peaks near 2.8 GB. Fewer segments mean fewer bundles
 * for a search to open. Each segment is a bundle: the first is the primary
 * (pagefind/), the others pagefind/seg-<hash>/, which the browser merges at
 * search time (Pagefind's mergeIndex), listed in pagefind/yuedu-parts.json.
 * YUEDU_INDEX_BATCH lowers it so tests can exercise several segments.
 */
const BATCH = Number(process.env['YUEDU_INDEX_BATCH']) || 5000;


export interface IndexOptions {
  /**
   * Where segments are kept between builds (<cacheDir>/yuedu-index/). Without
   * it the index is written from scratch in a temporary folder.
   */
  cacheDir?: string | undefined;
  /** Reindex everything, ignoring what the cache holds (it is still written for the next build). */
  full?: boolean;
}

/**
 * Builds the search index into `<site>/pagefind/`. scripts/build.ts runs it
 * once `astro build` has exited and before the new site replaces dist/, so
 * no deploy ships pages without their index, and Pagefind's memory (about
 * 2.8 GB for a run of 5,000 pages of real news vocabulary) never adds to
 * Astro's (about 2 GB at 10,000 articles). A failed index fails the build
 * and leaves the cache as the last build left it.
 *
 * Segments whose pages are unchanged come from the cache (index-plan.ts).
 */
export async function indexSite(site: string, logger: BuildLogger, { cacheDir, full = false }: IndexOptions = {}): Promise<void> {
  const started = performance.now();
  const root = cacheDir ? path.join(cacheDir, 'yuedu-index') : await mkdtemp(path.join(os.tmpdir(), 'yuedu-index-cache-'));
  try {
    await mkdir(root, { recursive: true });
    const key = await cacheKey();
    const current = await currentArticles(site);
    for (const { lang } of LANGUAGES) {
      if (!current.some((article) => Object.values(article.pages).some((page) => page.lang === lang))) {
        throw new Error(`Pagefind: no ${lang} article pages to index`);
      }
    }
    let previous: CachedSegment[] = [];
    if (cacheDir && !full) {
      const read = await readManifest(root, key);
      if (read.problem) logger.warn(`${read.problem}; indexing every article`);
      for (const segment of read.segments) {
        if (await segmentIntact(root, segment)) previous.push(segment);
        else logger.warn(`index cache: ${segment.name} is missing files or has changed; indexing its articles again`);
      }
    }
    let plan = planIndex(previous, current, sizesFor(BATCH));
    const written: CachedSegment[] = [];
    for (;;) {
      for (const note of plan.notes) logger.info(note);
      for (const group of plan.write) {
        const runStarted = performance.now();
        const segment = await writeSegment(site, root, group, logger);
        written.push(segment);
        logger.info(`segment ${segment.name}: ${group.length} article(s), ${Object.keys(segment.pages).length} page(s) in ${Math.round(performance.now() - runStarted)} ms`);
      }
      // Pagefind page ids are unique within a bundle, not across them (seven hex digits), and a page
      // edited back to an earlier version gets its earlier id. A hidden id that a page shown
      // elsewhere also has would hide that page too: the segment hiding it is written again.
      const shown = new Set([
        ...written.flatMap((segment) => Object.values(segment.pages).map((page) => page.id)),
        ...plan.keep.flatMap(({ segment, dropped }) => {
          const hidden = new Set(dropped);
          return Object.values(segment.pages).map((page) => page.id).filter((id) => !hidden.has(id));
        }),
      ]);
      const clash = plan.keep.filter(({ dropped }) => dropped.some((id) => shown.has(id)));
      if (clash.length === 0) break;
      previous = previous.filter((segment) => !clash.some(({ segment: s }) => s.name === segment.name));
      const done = new Set(written.flatMap((segment) => Object.keys(segment.pages)));
      plan = planIndex(previous, current.filter((article) => Object.keys(article.pages).every((file) => !done.has(file))), sizesFor(BATCH));
    }
    const segments = [...plan.keep.map(({ segment }) => segment), ...written];
    await assemble(site, root, segments, plan.keep, current);
    if (cacheDir) await writeManifest(root, key, segments);
    const pages = segments.reduce((sum, segment) => sum + Object.keys(segment.pages).length, 0) - plan.keep.reduce((sum, { dropped }) => sum + dropped.length, 0);
    logger.info(
      `indexed ${pages} page(s) in ${segments.length} segment(s): ${plan.keep.length} reused, ${written.length} written, in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    if (!cacheDir) await rm(root, { recursive: true, force: true });
  }
}

/**
 * Places the segments in <site>/pagefind/: the first that holds every
 * language is the primary bundle (Pagefind's script, worker and wasm with
 * it), the others merged bundles; yuedu-parts.json lists them per language
 * with the page ids each reused segment must hide, and each language's
 * pages newest first (newest-order.ts).
 */
async function assemble(site: string, root: string, segments: CachedSegment[], keep: { segment: CachedSegment; dropped: string[] }[], current: CurrentArticle[]): Promise<void> {
  const all = LANGUAGES.map(({ lang }) => lang);
  const primary = segments.find((segment) => all.every((lang) => segment.languages.includes(lang)));
  if (!primary) throw new Error('Pagefind: no index segment holds every language');
  const bundle = path.join(site, 'pagefind');
  const bundles: Record<string, string[]> = Object.fromEntries(all.map((lang) => [lang, []]));
  for (const segment of segments) {
    const isPrimary = segment === primary;
    await placeSegment(path.join(root, segment.name), isPrimary ? bundle : path.join(bundle, segment.name), Object.keys(segment.files), (file) =>
      !isPrimary && UNUSED_WHEN_MERGED.test(file),
    );
    if (!isPrimary) for (const lang of segment.languages) bundles[lang]?.push(`${segment.name}/`);
  }
  const dropped: Record<string, string[]> = Object.fromEntries(all.map((lang) => [lang, []]));
  for (const { segment, dropped: ids } of keep) {
    const hidden = new Set(ids);
    for (const page of Object.values(segment.pages)) if (hidden.has(page.id)) dropped[page.lang]?.push(page.id);
  }
  // Each bundle's entry file by a digest of its content: the browser asks for it with that tag
  // (Pagefind's metaCacheTag) instead of a new time stamp each visit, so hosts and the service worker can keep it.
  const tags: Record<string, string> = {};
  for (const dir of ['', ...new Set(Object.values(bundles).flat())]) {
    const entry = await readFile(path.join(bundle, dir, 'pagefind-entry.json'));
    tags[dir] = createHash('sha256').update(entry).digest('hex').slice(0, 12);
  }
  await writeFile(path.join(bundle, 'yuedu-parts.json'), JSON.stringify({ bundles, dropped, tags }));
  const shown = segments.map((segment) => ({ segment, dropped: keep.find((kept) => kept.segment === segment)?.dropped ?? [] }));
  for (const [lang, ids] of Object.entries(newestOrder(shown, current))) await writeFile(path.join(bundle, newestFile(lang)), ids);
}
