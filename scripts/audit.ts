/**
 * npm run audit: Lighthouse (mobile) on the built article pages (the seed and
 * the picture fixture), the home and a search, and on the series newsroom's
 * series page, a part of it, the list of series, a year of the archive, an
 * author page and an article with an editor's note and corrections,
 * served from loopback by Debian's Chromium. Prints the four category
 * scores, and every audit that kept one below 100.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/support/browser.ts';
import { buildSite } from '../tests/support/build-site.ts';
import { ARTICLE_ID } from '../tests/support/dist.ts';
import { PICTURE_ID, pictureContent } from '../tests/support/picture-site.ts';
import { LEVEE, LIN, seriesContent, TYPHOON } from '../tests/support/series-site.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-audit-'));
const sites = [
  { name: 'pictures', content: pictureContent, pages: [`articles/${ARTICLE_ID}/`, `articles/${PICTURE_ID}/`, '', 'offline/', `search/?q=${encodeURIComponent('云栖大会')}`] },
  {
    name: 'series',
    content: seriesContent,
    pages: [`series/${TYPHOON.slug}/`, `articles/${TYPHOON.parts[1]}/`, 'series/', 'archive/2024/', '', `authors/${LIN.slug}/`, `articles/${LEVEE}/`],
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
    const server = await serveStatic(outDir);
    try {
      for (const page of site.pages) {
        const result = await lighthouse(server.url + page, { port: chrome.port, output: 'json', logLevel: 'error', formFactor: 'mobile' });
        if (!result) throw new Error('Lighthouse returned no result');
        const { categories, audits } = result.lhr;
        const scores = Object.values(categories).map((c) => `${c.title} ${Math.round((c.score ?? 0) * 100)}`);
        console.log(`${site.name} /${decodeURIComponent(page)}: ${scores.join(', ')}`);
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
      await server.close();
    }
  }
} finally {
  chrome.kill();
  await rm(tmp, { recursive: true, force: true });
}
