import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync } from 'node:zlib';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { ROOT } from '../../tests/support/build-site.ts';
import { buildFailure, folderSize, makeBuild } from './bench-build.ts';
import { mb, printJson, printTable, type Row } from './bench-report.ts';
import { measureSizes, type Built } from './bench-timings.ts';
import { corpusFile, writeCorpus } from './corpus.ts';
import { indexWords } from './index-words.ts';

export interface ScaleOptions {
  sizes: number[];
  seed: number;
  runs: number;
  json: boolean;
  timeoutMs: number;
}

/** The related-reading times a build logged (articles-loader.ts, related-lists.ts). */
function relatedTimes(output: string): { terms: number; lists: number } {
  return {
    terms: Number(/key words for related reading in (\d+) ms/.exec(output)?.[1] ?? Number.NaN),
    lists: Number(/related reading for \d+ article\(s\) in (\d+) ms/.exec(output)?.[1] ?? Number.NaN),
  };
}

/** What a newsroom does every day: 20 new articles (the newest) and one correction to an older one. */
async function dailyChange(content: string, n: number, source: string, seed: number): Promise<void> {
  const digits = String(n).length;
  await writeCorpus(content, { articles: n + 20, from: n, seed, source, digits });
  const edited = corpusFile(content, Math.floor(n / 2), digits);
  await writeFile(edited, `${await readFile(edited, 'utf8')}\n更正：本文初版的一处数字有误，已经改正。\n`);
}

/** The synthetic newsroom at each size; stops with what it has if a size runs out of time or memory. */
export async function benchScale(tmp: string, { sizes, seed, runs, json, timeoutMs }: ScaleOptions) {
  const build = makeBuild(timeoutMs);
  const seedFile = await readFile(path.join(ROOT, 'content/articles/ali-yun-haishi-alibaba-de-na-duo-yun.md'), 'utf8');
  const source = seedFile.slice(seedFile.indexOf('\n---\n') + 5);
  const built: Built[] = [];
  let rows: Row[] = [];
  const browser = await launchBrowser();
  try {
    for (const n of sizes) {
      const content = path.join(tmp, `content-${n}`);
      const outDir = path.join(tmp, `dist-${n}`);
      // A cache of its own: the full build starts cold, the rebuild finds what the full build left.
      const env = { YUEDU_CONTENT_DIR: content, YUEDU_CACHE_DIR: path.join(tmp, `cache-${n}`) };
      await writeCorpus(content, { articles: n, seed, source });
      console.log(`\n${n} articles: building…`);
      const run = await build(outDir, env);
      if (run.code !== 0) {
        console.log(`stopped at ${n} articles: the build ${buildFailure(run, timeoutMs)} after ${run.seconds.toFixed(0)} s, peak memory ${mb(run.peakBytes)}`);
        console.log(run.output.split('\n').slice(-15).join('\n'));
        break;
      }
      const dist = await folderSize(outDir);
      const index = await folderSize(path.join(outDir, 'pagefind'));
      const words = await indexWords(path.join(outDir, 'pagefind'));
      // The tables search fetches on need: traditional -> simplified, and the regional vocabulary.
      const tables = await Promise.all(
        ['search/t2s.json', 'search/variants.json'].map(async (file) => {
          const bytes = await readFile(path.join(outDir, file));
          return `${file} ${bytes.length} B (${brotliCompressSync(bytes).length} B brotli)`;
        }),
      );
      const parts = (JSON.parse(await readFile(path.join(outDir, 'pagefind/yuedu-parts.json'), 'utf8')) as { bundles: Record<string, string[]> }).bundles;
      // The full build's site is kept for the search measures; the rebuild writes a site of its own.
      const site = path.join(tmp, `site-${n}`);
      await rename(outDir, site);

      await dailyChange(content, n, source, seed);
      console.log(`${n} articles: rebuilding after 20 new articles and one edit…`);
      const again = await build(outDir, env);
      if (again.code !== 0) throw new Error(`the rebuild at ${n} articles ${buildFailure(again, timeoutMs)}:\n${again.output.split('\n').slice(-15).join('\n')}`);
      const size: Built = {
        n,
        seconds: run.seconds,
        peak: run.peakBytes,
        words: words.byLanguage['zh-cn'] ?? 0,
        wordsBoth: words.total,
        bundles: 1 + (parts['zh-cn']?.length ?? 0),
        dist: dist.bytes,
        index: index.bytes,
        indexFiles: index.files,
        rebuild: again.seconds,
        related: (() => {
          const [full, daily] = [relatedTimes(run.output), relatedTimes(again.output)];
          // Every article has two pages (its own script and the twin); Astro says "(restored)" of those it copied.
          const pages = 2 * (n + 20);
          const restored = new Set([...again.output.matchAll(/(\/articles\/\S+?\.html) \(restored\)/g)].map((m) => m[1])).size;
          // Why (src/lib/content/page-changes.ts): new, article changed, neighbour changed, link target changed.
          const why = /\[yuedu-pages\] .*?changed \((.*)\)/.exec(again.output)?.[1] ?? 'not reported';
          return { terms: full.terms, lists: full.lists, rebuildTerms: daily.terms, rebuildLists: daily.lists, rerendered: pages - restored, pages, why };
        })(),
        site,
      };
      built.push(size);
      console.log(
        `${n} articles: build ${run.seconds.toFixed(1)} s (${((run.seconds / n) * 1000).toFixed(1)} ms/article), rebuild ${again.seconds.toFixed(1)} s, ` +
          `related reading ${size.related.terms} + ${size.related.lists} ms (rebuild ${size.related.rebuildTerms} + ${size.related.rebuildLists} ms, ` +
          `${size.related.rerendered} of ${size.related.pages} article pages rendered; articles: ${size.related.why}), ` +
          `peak ${mb(run.peakBytes)}, ${size.words} words, ${size.bundles} bundle(s), dist ${mb(dist.bytes)}, index ${mb(index.bytes)} in ${index.files} files, ${tables.join(', ')}`,
      );
      await rm(outDir, { recursive: true, force: true });
      await rm(env.YUEDU_CACHE_DIR, { recursive: true, force: true });
      await rm(content, { recursive: true, force: true });
    }
    rows = await measureSizes(browser, built, runs);
  } finally {
    await browser.close();
    printTable(rows);
    if (json) printJson(rows);
  }
}
