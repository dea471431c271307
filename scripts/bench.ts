/**
 * npm run bench                       the current site: build time, article weight, search latency and bytes,
 *                                     the picture fixture (bytes per width and format, cold/warm picture cache)
 *                                     and the web importer (ms per page over 100 saved pages, one 10 MB page)
 * npm run bench -- --articles N[,N…]  a synthetic newsroom of N articles (seeded, real vocabulary): build
 *                                     time and memory, a daily rebuild (20 new articles, one edited), words
 *                                     indexed, bundles, dist size, cold/warm search for a rare term, one in 10%
 *                                     of the articles and one in all, and plain Pagefind on the same bundles
 *   [--runs R] [--json]               --json: the last line printed is one JSON object of those numbers
 *
 * Numbers only; budgets are asserted in tests on built bytes, never on time.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { ROOT } from '../tests/support/build-site.ts';
import { ARTICLE_PAGE, listFiles } from '../tests/support/dist.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { benchImport } from './lib/bench-import.ts';
import { benchPictures } from './lib/bench-pictures.ts';
import { readerMeasure } from './lib/bench-reader.ts';
import { openPlainPagefind } from './lib/bench-plain.ts';
import { openSearchPage, type SearchSample } from './lib/bench-search.ts';
import { COMMON_TERM, corpusFile, rareTerm, TENTH_TERM, writeCorpus } from './lib/corpus.ts';
import { indexWords } from './lib/index-words.ts';
import { watchPeakMemory } from './lib/peak-memory.ts';

const USAGE = 'usage: npm run bench [-- --articles N[,N...] [--seed S] [--runs R] [--timeout MINUTES] [--json]]';

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function positiveInt(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) fail(`${name} must be a whole number of at least 1, got "${value}"`);
  return Number(value);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        articles: { type: 'string' },
        seed: { type: 'string', default: '1' },
        runs: { type: 'string', default: '5' },
        timeout: { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
const sizes = values.articles === undefined ? [] : values.articles.split(',').map((n) => positiveInt(n, '--articles'));
const seed = positiveInt(values.seed ?? '1', '--seed');
const runs = positiveInt(values.runs ?? '5', '--runs');
const timeoutMs = positiveInt(values.timeout ?? '20', '--timeout') * 60_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface BuildRun {
  code: number | null;
  seconds: number;
  peakBytes: number;
  output: string;
  timedOut: boolean;
}

const BUILD_SCRIPT = path.join(ROOT, 'scripts/build.ts');

/** `npm run build` (Astro, then the index) in a child process, timed, with the peak memory of its whole process tree. */
function build(outDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BUILD_SCRIPT, '--out', outDir], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    const memory = watchPeakMemory(child.pid ?? 0);
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', async (code) => {
      clearTimeout(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakBytes: await memory.stop(), output, timedOut });
    });
  });
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const files = await listFiles(dir);
  let bytes = 0;
  for (const file of files) bytes += (await stat(path.join(dir, file))).size;
  return { bytes, files: files.length };
}

/** What the first query fetched weighs on the wire from a host that compresses with brotli. */
async function transferSize(dir: string, pathnames: string[]) {
  let raw = 0;
  let brotli = 0;
  for (const pathname of new Set(pathnames)) {
    const file = path.join(dir, decodeURIComponent(pathname));
    const bytes = await readFile(file.endsWith('/') ? path.join(file, 'index.html') : file);
    raw += bytes.length;
    brotli += brotliCompressSync(bytes).length;
  }
  return { files: new Set(pathnames).size, raw, brotli };
}

/** How many times a query is submitted again on its page, each one counted as warm. */
const WARM_SEARCHES = 3;
/**
 * How long a page sits after it opened before its warm searches: a reader
 * searching again does so on a page that has finished loading. Without it,
 * the first warm search shares the two cores with whatever page opened last
 * still settling: yuedu's warm search right after plain Pagefind's page
 * opened took 1.10 times plain's; with plain's first, 0.97; after this wait, 0.97.
 */
const SETTLE_MS = 1000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Cold: a fresh browser context opens /search/?q=…; the time from navigation
 * start to the first results shown (page, Pagefind, merged bundles, the
 * query, the best FIRST_PAGES read), and to the whole first page (20 read,
 * the status line said). Warm: the same query submitted again on that page,
 * once it has settled (WARM_SEARCHES times). Medians of `runs` pages, after one page that is not
 * counted: the browser's first navigation pays one-time costs (starting
 * processes, loading the CJK fonts).
 */
async function measureSearch(browser: Browser, url: string, query: string, dist: string) {
  const samples = newSamples();
  let hits = 0;
  let firstQuery = { files: 0, raw: 0, brotli: 0 };
  for (let run = -1; run < runs; run++) {
    const page = await openSearchPage(browser, url, query);
    await settle();
    const warm: SearchSample[] = [];
    for (let i = 0; i < WARM_SEARCHES; i++) warm.push(await page.warm());
    if (run >= 0) addSamples(samples, page.cold, warm);
    hits = await page.hits();
    if (run === 0) firstQuery = await transferSize(dist, page.fetched);
    await page.close();
  }
  return { ...medians(samples), hits, firstQuery };
}

interface Samples {
  cold: number[];
  warm: number[];
  wholeCold: number[];
  wholeWarm: number[];
}

const newSamples = (): Samples => ({ cold: [], warm: [], wholeCold: [], wholeWarm: [] });

function addSamples(samples: Samples, cold: SearchSample, warm: SearchSample[]): void {
  samples.cold.push(cold.shown);
  samples.wholeCold.push(cold.whole);
  samples.warm.push(...warm.map((w) => w.shown));
  samples.wholeWarm.push(...warm.map((w) => w.whole));
}

const medians = (s: Samples): Omit<SearchTiming, 'hits'> => ({
  cold: median(s.cold),
  warm: median(s.warm),
  whole: { cold: median(s.wholeCold), warm: median(s.wholeWarm) },
});

/** The default: numbers for the site as it is. */
async function benchSite(tmp: string) {
  const outDir = path.join(tmp, 'dist');
  const run = await build(outDir);
  if (run.code !== 0) throw new Error(`build failed:\n${run.output}`);
  console.log(`build (astro + pagefind): ${run.seconds.toFixed(2)} s, peak memory ${mb(run.peakBytes)}`);
  const html = await readFile(path.join(outDir, ARTICLE_PAGE));
  console.log(`article page HTML: ${kb(html.length)} raw, ${kb(brotliCompressSync(html).length)} brotli`);
  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    for (const query of ['云栖大会', '淘天', 'Azure', '阿里雲']) {
      const { cold, warm, whole, firstQuery } = await measureSearch(browser, server.url, query, outDir);
      console.log(
        `search "${query}": first results cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(1)} ms; whole page cold ${whole.cold.toFixed(0)} ms, ` +
          `warm ${whole.warm.toFixed(1)} ms (median of ${runs}); ` +
          `first query fetched ${firstQuery.files} files, ${kb(firstQuery.raw)} raw / ${kb(firstQuery.brotli)} brotli`,
      );
    }
    const shared = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/search-queries.json'), 'utf8')) as { queries: { query: string }[] };
    const reader = await readerMeasure(browser, `${server.url}${ARTICLE_PAGE.replace('index.html', '')}`, shared.queries.map((q) => q.query), 3);
    console.log(
      `reader's measure (phone, header box, ${shared.queries.length} queries x 3): last input to first result ` +
        `cold ${reader.cold.toFixed(0)} ms, warm ${reader.warm.toFixed(0)} ms (medians); ${kb(reader.bytes)} fetched from focus to first result`,
    );
    await benchPictures(tmp, build, browser);
    await benchImport(tmp);
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Timing {
  cold: number;
  warm: number;
}

/** yuedu's search: to the first results shown, and to the whole first page read. */
interface SearchTiming extends Timing {
  whole: Timing;
  hits: number;
}

interface Row {
  n: number;
  seconds: number;
  peak: number;
  /** Distinct words in the simplified index, and in both scripts' indexes. */
  words: number;
  wordsBoth: number;
  /** Bundles the simplified index is in. */
  bundles: number;
  dist: number;
  index: number;
  indexFiles: number;
  /** A full build of the same archive plus 20 new articles and one edited. */
  rebuild: number;
  rare: SearchTiming;
  tenth: SearchTiming;
  common: SearchTiming;
  plainCommon: Timing;
  /** The reader's measure for the rare term (bench-reader.ts). */
  reader: { cold: number; warm: number; bytes: number };
}

const ms = (t: Timing) => `${t.cold.toFixed(0)} / ${t.warm.toFixed(0)}`;
const both = (t: SearchTiming) => `${ms(t)} (${ms(t.whole)})`;

function printTable(rows: Row[]) {
  console.log(
    '\n| articles | build s | rebuild s (÷ build) | peak memory | words (both scripts) | bundles | dist | index (files) | ' +
      'rare cold / warm ms (whole page) | 10% cold / warm ms (whole page) | common cold / warm ms (whole page) | plain Pagefind common cold / warm ms | ' +
      'common whole warm ÷ plain | reader rare cold / warm ms (KB) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.n} | ${r.seconds.toFixed(1)} | ${r.rebuild.toFixed(1)} (${(r.rebuild / r.seconds).toFixed(2)}) | ${mb(r.peak)} | ${r.words} (${r.wordsBoth}) | ${r.bundles} | ${mb(r.dist)} | ${mb(r.index)} (${r.indexFiles}) | ` +
        `${both(r.rare)} | ${both(r.tenth)} | ${both(r.common)} | ${ms(r.plainCommon)} | ${(r.common.whole.warm / r.plainCommon.warm).toFixed(2)} | ` +
        `${r.reader.cold.toFixed(0)} / ${r.reader.warm.toFixed(0)} (${(r.reader.bytes / 1024).toFixed(0)}) |`,
    );
  }
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const timing = (t: Timing) => ({ cold_ms: round(t.cold), warm_ms: round(t.warm) });
/** cold_ms and warm_ms to the first results shown; whole_* to the whole first page (20 read, status said). */
const searchTiming = (t: SearchTiming) => ({ ...timing(t), whole_cold_ms: round(t.whole.cold), whole_warm_ms: round(t.whole.warm) });

/** The machine-readable form (`--json`): one object, printed last. */
function printJson(rows: Row[]) {
  const sizes = rows.map((r) => ({
    articles: r.n,
    build_s: round(r.seconds),
    peak_mb: round(r.peak / 1024 / 1024, 0),
    words: r.words,
    bundles: r.bundles,
    dist_mb: round(r.dist / 1024 / 1024),
    rebuild_s: round(r.rebuild),
    search: { rare: searchTiming(r.rare), tenth: searchTiming(r.tenth), common: searchTiming(r.common), plain_common: timing(r.plainCommon) },
  }));
  console.log(JSON.stringify({ sizes }));
}

/** What a newsroom does every day: 20 new articles (the newest) and one correction to an older one. */
async function dailyChange(content: string, n: number, source: string): Promise<void> {
  const digits = String(n).length;
  await writeCorpus(content, { articles: n + 20, from: n, seed, source, digits });
  const edited = corpusFile(content, Math.floor(n / 2), digits);
  await writeFile(edited, `${await readFile(edited, 'utf8')}\n更正：本文初版的一处数字有误，已经改正。\n`);
}

function buildFailure(run: BuildRun): string {
  return run.timedOut ? `ran out of time (${timeoutMs / 60_000} min)` : run.code === null || run.code === 137 ? 'was killed (out of memory?)' : `failed (exit ${run.code})`;
}

/** What a size's builds measured; its search is measured once every size is built (measureSizes). */
type Built = Omit<Row, 'rare' | 'tenth' | 'common' | 'plainCommon' | 'reader'> & { site: string };

/** The synthetic newsroom at each size; stops with what it has if a size runs out of time or memory. */
async function benchScale(tmp: string) {
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
        console.log(`stopped at ${n} articles: the build ${buildFailure(run)} after ${run.seconds.toFixed(0)} s, peak memory ${mb(run.peakBytes)}`);
        console.log(run.output.split('\n').slice(-15).join('\n'));
        break;
      }
      const dist = await folderSize(outDir);
      const index = await folderSize(path.join(outDir, 'pagefind'));
      const words = await indexWords(path.join(outDir, 'pagefind'));
      const parts = (JSON.parse(await readFile(path.join(outDir, 'pagefind/yuedu-parts.json'), 'utf8')) as { bundles: Record<string, string[]> }).bundles;
      // The full build's site is kept for the search measures; the rebuild writes a site of its own.
      const site = path.join(tmp, `site-${n}`);
      await rename(outDir, site);

      await dailyChange(content, n, source);
      console.log(`${n} articles: rebuilding after 20 new articles and one edit…`);
      const again = await build(outDir, env);
      if (again.code !== 0) throw new Error(`the rebuild at ${n} articles ${buildFailure(again)}:\n${again.output.split('\n').slice(-15).join('\n')}`);
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
        site,
      };
      built.push(size);
      console.log(
        `${n} articles: build ${run.seconds.toFixed(1)} s (${((run.seconds / n) * 1000).toFixed(1)} ms/article), rebuild ${again.seconds.toFixed(1)} s, ` +
          `peak ${mb(run.peakBytes)}, ${size.words} words, ${size.bundles} bundle(s), dist ${mb(dist.bytes)}, index ${mb(index.bytes)} in ${index.files} files`,
      );
      await rm(outDir, { recursive: true, force: true });
      await rm(env.YUEDU_CACHE_DIR, { recursive: true, force: true });
      await rm(content, { recursive: true, force: true });
    }
    rows = await measureSizes(browser, built);
  } finally {
    await browser.close();
    printTable(rows);
    if (values.json) printJson(rows);
  }
}

/**
 * Search at every size, measured in rounds once all are built: each round
 * opens each size's search page for each term, so a slow spell of this
 * machine falls on every size alike, not on whichever was measured then.
 * Plain Pagefind's page is open beside yuedu's for the common term, and the
 * two take turns at each warm search, once both pages have settled.
 */
async function measureSizes(browser: Browser, built: Built[]): Promise<Row[]> {
  const servers = await Promise.all(built.map((size) => serveStatic(size.site)));
  try {
    const terms = (n: number) => ({ rare: rareTerm(n - 1), tenth: TENTH_TERM, common: COMMON_TERM });
    const samples = built.map(() => ({ rare: newSamples(), tenth: newSamples(), common: newSamples(), plainCold: [] as number[], plainWarm: [] as number[], hits: { rare: 0, tenth: 0, common: 0 } }));
    console.log(`\nsearching: ${runs} round(s) over ${built.length} size(s), after one round not counted…`);
    for (let run = -1; run < runs; run++) {
      for (const [i, size] of built.entries()) {
        const url = servers[i]?.url ?? '';
        const measured = samples[i];
        if (!measured) continue;
        for (const [key, query] of Object.entries(terms(size.n)) as ['rare' | 'tenth' | 'common', string][]) {
          const page = await openSearchPage(browser, url, query);
          const plain = key === 'common' ? await openPlainPagefind(browser, url, query) : undefined;
          await settle();
          const warm: SearchSample[] = [];
          const plainWarm: number[] = [];
          // Who searches first alternates by round: each side's searches follow the other's equally often.
          const plainFirst = run % 2 !== 0;
          for (let w = 0; w < WARM_SEARCHES; w++) {
            if (plain && plainFirst) plainWarm.push(await plain.warm());
            warm.push(await page.warm());
            if (plain && !plainFirst) plainWarm.push(await plain.warm());
          }
          if (run >= 0) {
            addSamples(measured[key], page.cold, warm);
            if (plain) {
              measured.plainCold.push(plain.cold);
              measured.plainWarm.push(...plainWarm);
            }
          }
          measured.hits[key] = await page.hits();
          await page.close();
          await plain?.close();
        }
      }
    }
    const rows: Row[] = [];
    for (const [i, { site, ...size }] of built.entries()) {
      const url = servers[i]?.url ?? '';
      const measured = samples[i];
      if (!measured) continue;
      const firstArticle = (await readdir(path.join(site, 'articles')))[0] ?? '';
      const reader = await readerMeasure(browser, `${url}articles/${firstArticle}/`, [rareTerm(size.n - 1)], runs);
      const row: Row = {
        ...size,
        rare: { ...medians(measured.rare), hits: measured.hits.rare },
        tenth: { ...medians(measured.tenth), hits: measured.hits.tenth },
        common: { ...medians(measured.common), hits: measured.hits.common },
        plainCommon: { cold: median(measured.plainCold), warm: median(measured.plainWarm) },
        reader,
      };
      rows.push(row);
      console.log(
        `${size.n} articles: rare "${rareTerm(size.n - 1)}" ${both(row.rare)} ms (${row.rare.hits} hit), 10% "${TENTH_TERM}" ${both(row.tenth)} ms, ` +
          `common "${COMMON_TERM}" ${both(row.common)} ms, plain Pagefind ${ms(row.plainCommon)} ms`,
      );
    }
    return rows;
  } finally {
    for (const server of servers) await server.close();
  }
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bench-'));
try {
  if (sizes.length > 0) await benchScale(tmp);
  else await benchSite(tmp);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
