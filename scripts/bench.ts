/**
 * npm run bench: prints build time, page weights and search latency for the
 * current content. Numbers only; budgets are asserted in tests on bytes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.ts';
import { buildSite } from '../tests/support/build-site.ts';
import { ARTICLE_PAGE } from '../tests/support/dist.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const RUNS = 5;
const QUERIES = ['云栖大会', '淘天', 'Azure'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What those requests weigh on the wire from a host that compresses with brotli. */
async function transferSize(dir: string, pathnames: string[]) {
  let raw = 0;
  let brotli = 0;
  for (const pathname of new Set(pathnames)) {
    const bytes = await readFile(path.join(dir, decodeURIComponent(pathname)));
    raw += bytes.length;
    brotli += brotliCompressSync(bytes).length;
  }
  return { files: new Set(pathnames).size, raw, brotli };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-bench-'));
try {
  const outDir = path.join(tmp, 'dist');
  const started = performance.now();
  const build = await buildSite({ outDir });
  if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
  console.log(`build (astro + pagefind): ${((performance.now() - started) / 1000).toFixed(2)} s`);

  const html = await readFile(path.join(outDir, ARTICLE_PAGE));
  console.log(`article page HTML: ${kb(html.length)} raw, ${kb(brotliCompressSync(html).length)} brotli`);

  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    for (const query of QUERIES) {
      const cold: number[] = [];
      const warm: number[] = [];
      let firstQuery = { files: 0, raw: 0, brotli: 0 };
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}search/`);
        const fetched: string[] = [];
        page.on('request', (request) => {
          if (request.url().includes('/pagefind/')) fetched.push(new URL(request.url()).pathname);
        });
        const timings = await page.evaluate(async (q) => {
          const t0 = performance.now();
          const bundle: string = '/pagefind/pagefind.js';
          const pagefind = await import(bundle);
          const first = await pagefind.search(q);
          await Promise.all(first.results.map((r: { data(): Promise<unknown> }) => r.data()));
          const t1 = performance.now();
          const again = await pagefind.search(q);
          await Promise.all(again.results.map((r: { data(): Promise<unknown> }) => r.data()));
          return { cold: t1 - t0, warm: performance.now() - t1 };
        }, query);
        cold.push(timings.cold);
        warm.push(timings.warm);
        if (run === 0) firstQuery = await transferSize(outDir, fetched);
        await context.close();
      }
      console.log(
        `search "${query}": cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(1)} ms (median of ${RUNS}); first query fetched ${firstQuery.files} files, ${kb(firstQuery.raw)} raw / ${kb(firstQuery.brotli)} brotli`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
