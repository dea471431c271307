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
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.ts';
import { ROOT } from '../tests/support/build-site.ts';
import { ARTICLE_PAGE } from '../tests/support/dist.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { nginx, startServer } from '../tests/support/web-server.ts';
import { makeBuild } from './lib/bench-build.ts';
import { firstVisit } from './lib/bench-first-visit.ts';
import { benchImport } from './lib/bench-import.ts';
import { benchPictures } from './lib/bench-pictures.ts';
import { PAUSES_MS, readerMeasure } from './lib/bench-reader.ts';
import { kb, mb } from './lib/bench-report.ts';
import { benchScale } from './lib/bench-scale.ts';
import { measureSearch } from './lib/bench-timings.ts';

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

const build = makeBuild(timeoutMs);

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
      const { cold, warm, whole, firstQuery } = await measureSearch(browser, server.url, query, outDir, runs);
      console.log(
        `search "${query}": first results cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(1)} ms; whole page cold ${whole.cold.toFixed(0)} ms, ` +
          `warm ${whole.warm.toFixed(1)} ms (median of ${runs}); ` +
          `first query fetched ${firstQuery.files} files, ${kb(firstQuery.raw)} raw / ${kb(firstQuery.brotli)} brotli`,
      );
    }
    const shared = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/search-queries.json'), 'utf8')) as { queries: { query: string }[] };
    for (const pause of PAUSES_MS) {
      const reader = await readerMeasure(browser, `${server.url}${ARTICLE_PAGE.replace('index.html', '')}`, shared.queries.map((q) => q.query), 3, pause);
      console.log(
        `reader's measure (phone, header box, query committed ${pause} ms after focus, ${shared.queries.length} queries x 3): last input to first result ` +
          `cold ${reader.cold.toFixed(0)} ms, warm ${reader.warm.toFixed(0)} ms (medians); ${kb(reader.bytes)} fetched from focus to first result`,
      );
    }
    // Served as a host serves it (the README's nginx recipe: compressed, cached): bytes on the wire.
    const host = await startServer(nginx(outDir, { root: true, accessLog: true }));
    try {
      const visits = [];
      for (let run = 0; run < runs; run++) visits.push(await firstVisit(browser, host, `/${ARTICLE_PAGE.replace('index.html', '')}`));
      const [visit] = visits.sort((a, b) => a.bytes - b.bytes).slice(Math.floor(visits.length / 2));
      if (visit) {
        console.log(
          `first visit of the seed article (phone, nginx, to network idle, service worker and precache included): ${visit.bytes} B of bodies ` +
            `in ${visit.files.length} responses, headers ${visit.headers} B more (median of ${runs}): ${visit.files.join(', ')}`,
        );
      }
    } finally {
      await host.stop();
    }
    await benchPictures(tmp, build, browser);
    await benchImport(tmp);
  } finally {
    await browser.close();
    await server.close();
  }
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bench-'));
try {
  if (sizes.length > 0) await benchScale(tmp, { sizes, seed, runs, json: values.json ?? false, timeoutMs });
  else await benchSite(tmp);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
