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
const QUERIES = ['云栖大会', '淘天', 'Azure', '阿里雲'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What those requests weigh on the wire from a host that compresses with brotli. */
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
        const fetched: string[] = [];
        page.on('request', (request) => {
          fetched.push(new URL(request.url()).pathname);
        });
        await page.goto(`${server.url}search/`);
        await page.waitForSelector('#yd-search-results[aria-busy="false"]', { state: 'attached' });
        fetched.length = 0; // count only what the first query itself fetches
        // Through the real search page: submit, then wait for the rendered results.
        const timings = await page.evaluate(async (q) => {
          const form = document.querySelector<HTMLFormElement>('.yd-search-page-form');
          const input = document.querySelector<HTMLInputElement>('#yd-search-q');
          const list = document.querySelector<HTMLElement>('#yd-search-results');
          if (!form || !input || !list) throw new Error('search page markup changed');
          const searchOnce = async () => {
            const rendered = new Promise<void>((resolve) => {
              const observer = new MutationObserver(() => {
                if (list.getAttribute('aria-busy') === 'false') {
                  observer.disconnect();
                  resolve();
                }
              });
              observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
            });
            input.value = q;
            const t0 = performance.now();
            form.requestSubmit();
            await rendered;
            return performance.now() - t0;
          };
          const cold = await searchOnce();
          return { cold, warm: await searchOnce() };
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
