/**
 * npm run audit: Lighthouse (mobile) on the built article pages (the seed and
 * the picture fixture), the home and a search, and on the series newsroom's
 * series page, a part of it, the list of series, a year of the archive, its
 * front page and a section page, an author page and an article with an
 * editor's note and corrections,
 * served on loopback by nginx with the README's recipe (compressed and cached
 * as a real host serves them), loaded by Debian's Chromium. Prints the four category
 * scores, first contentful paint, largest contentful paint, total blocking
 * time and layout shift (the medians of `--runs N`, default 1: these machines
 * are noisy), and every audit that kept a score below 100.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/support/browser.ts';
import { buildSite } from '../tests/support/build-site.ts';
import { ARTICLE_ID } from '../tests/support/dist.ts';
import { PICTURE_ID, pictureContent } from '../tests/support/picture-site.ts';
import { LEVEE, LIN, seriesContent, TYPHOON } from '../tests/support/series-site.ts';
import { nginx, startServer } from '../tests/support/web-server.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const RUNS = Math.max(1, Number(values.runs) || 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const METRICS = [
  ['FCP', 'first-contentful-paint', 's'],
  ['LCP', 'largest-contentful-paint', 's'],
  ['TBT', 'total-blocking-time', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
] as const;

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-audit-'));
const sites = [
  { name: 'pictures', content: pictureContent, pages: [`articles/${ARTICLE_ID}/`, `articles/${PICTURE_ID}/`, '', 'offline/', `search/?q=${encodeURIComponent('云栖大会')}`] },
  {
    name: 'series',
    content: seriesContent,
    pages: [`series/${TYPHOON.slug}/`, `articles/${TYPHOON.parts[1]}/`, 'series/', 'archive/2024/', '', 'sections/society/', `authors/${LIN.slug}/`, `articles/${LEVEE}/`],
  },
];
await mkdir(path.join(tmp, 'profile'));
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, userDataDir: path.join(tmp, 'profile') });
try {
  for (const site of sites) {
    const outDir = path.join(tmp, `dist-${site.name}`);
    // One after the other: two builds at once would share the project's cache.
    const build = await buildSite({ outDir, contentDir: await site.content(path.join(tmp, `content-${site.name}`)) });
    if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
    const server = await startServer(nginx(outDir, { root: true }));
    try {
      for (const page of site.pages) {
        const runs: Result[] = [];
        for (let run = 0; run < RUNS; run++) {
          const result = await lighthouse(`${server.origin}/${page}`, { port: chrome.port, output: 'json', logLevel: 'error', formFactor: 'mobile' });
          if (!result) throw new Error('Lighthouse returned no result');
          runs.push(result.lhr);
        }
        const pick = (get: (lhr: Result) => number) => median(runs.map(get));
        const [first] = runs;
        if (!first) throw new Error('no Lighthouse run');
        const { categories, audits } = first;
        const scores = Object.keys(categories).map((key) => `${categories[key]?.title} ${Math.round(pick((lhr) => lhr.categories[key]?.score ?? 0) * 100)}`);
        const metrics = METRICS.map(([name, id, unit]) => {
          const value = pick((lhr) => lhr.audits[id]?.numericValue ?? NaN);
          return `${name} ${unit === 's' ? (value / 1000).toFixed(2) : unit === 'ms' ? Math.round(value) : value.toFixed(3)}${unit}`;
        });
        console.log(`${site.name} /${decodeURIComponent(page)}: ${scores.join(', ')}; ${metrics.join(', ')}${RUNS > 1 ? ` (medians of ${RUNS})` : ''}`);
        for (const category of Object.values(categories)) {
          for (const ref of category.auditRefs) {
            const audit = audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
              console.log(`  ${category.title}: ${audit.title} (${Math.round(audit.score * 100)})`);
            }
          }
        }
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  chrome.kill();
  await rm(tmp, { recursive: true, force: true });
}
