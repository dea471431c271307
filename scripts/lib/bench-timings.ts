/** Search as the bench times it: a query's cold and warm searches on yuedu's page, and every size's in rounds beside plain Pagefind. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../tests/support/static-server.ts';
import { both, median, ms, type Row, type SearchTiming } from './bench-report.ts';
import { PAUSES_MS, readerMeasure } from './bench-reader.ts';
import { openPlainPagefind } from './bench-plain.ts';
import { openSearchPage, type SearchSample } from './bench-search.ts';
import { COMMON_TERM, rareTerm, TENTH_TERM } from './corpus.ts';

/** What a size's builds measured; its search is measured once every size is built (measureSizes). */
export type Built = Omit<Row, 'rare' | 'tenth' | 'common' | 'newest' | 'plainCommon' | 'plainNewest' | 'reader' | 'quickReader'> & { site: string };

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
export async function measureSearch(browser: Browser, url: string, query: string, dist: string, runs: number) {
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

/**
 * Search at every size, measured in rounds once all are built: each round
 * opens each size's search page for each term, so a slow spell of this
 * machine falls on every size alike, not on whichever was measured then.
 * Plain Pagefind's page is open beside yuedu's for the common term (both orders), and the
 * two take turns at each warm search, once both pages have settled.
 */
export async function measureSizes(browser: Browser, built: Built[], runs: number): Promise<Row[]> {
  const servers = await Promise.all(built.map((size) => serveStatic(size.site)));
  try {
    // The common term twice: most relevant first, and newest first (the broad query a news reader sorts).
    const terms = (n: number) => ({ rare: rareTerm(n - 1), tenth: TENTH_TERM, common: COMMON_TERM, newest: COMMON_TERM });
    const samples = built.map(() => ({
      rare: newSamples(),
      tenth: newSamples(),
      common: newSamples(),
      newest: newSamples(),
      plainCold: [] as number[],
      plainWarm: [] as number[],
      plainNewestCold: [] as number[],
      plainNewestWarm: [] as number[],
      hits: { rare: 0, tenth: 0, common: 0, newest: 0 },
    }));
    console.log(`\nsearching: ${runs} round(s) over ${built.length} size(s), after one round not counted…`);
    for (let run = -1; run < runs; run++) {
      for (const [i, size] of built.entries()) {
        const url = servers[i]?.url ?? '';
        const measured = samples[i];
        if (!measured) continue;
        for (const [key, query] of Object.entries(terms(size.n)) as ['rare' | 'tenth' | 'common' | 'newest', string][]) {
          const page = await openSearchPage(browser, url, query, key === 'newest' ? 'newest' : 'relevance');
          const plain = key === 'common' || key === 'newest' ? await openPlainPagefind(browser, url, query, key === 'newest') : undefined;
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
            if (plain && key === 'common') {
              measured.plainCold.push(plain.cold);
              measured.plainWarm.push(...plainWarm);
            } else if (plain) {
              measured.plainNewestCold.push(plain.cold);
              measured.plainNewestWarm.push(...plainWarm);
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
      const [slow, quick] = PAUSES_MS;
      const reader = await readerMeasure(browser, `${url}articles/${firstArticle}/`, [rareTerm(size.n - 1)], runs, slow);
      const quickReader = await readerMeasure(browser, `${url}articles/${firstArticle}/`, [rareTerm(size.n - 1)], runs, quick);
      const row: Row = {
        ...size,
        rare: { ...medians(measured.rare), hits: measured.hits.rare },
        tenth: { ...medians(measured.tenth), hits: measured.hits.tenth },
        common: { ...medians(measured.common), hits: measured.hits.common },
        newest: { ...medians(measured.newest), hits: measured.hits.newest },
        plainCommon: { cold: median(measured.plainCold), warm: median(measured.plainWarm) },
        plainNewest: { cold: median(measured.plainNewestCold), warm: median(measured.plainNewestWarm) },
        reader,
        quickReader,
      };
      rows.push(row);
      console.log(
        `${size.n} articles: rare "${rareTerm(size.n - 1)}" ${both(row.rare)} ms (${row.rare.hits} hit), 10% "${TENTH_TERM}" ${both(row.tenth)} ms, ` +
          `common "${COMMON_TERM}" ${both(row.common)} ms, newest first ${both(row.newest)} ms, plain Pagefind ${ms(row.plainCommon)} ms (newest first ${ms(row.plainNewest)} ms)`,
      );
    }
    return rows;
  } finally {
    for (const server of servers) await server.close();
  }
}
