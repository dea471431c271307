import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildOptions } from './build-site.ts';
import { pictureContent } from './picture-site.ts';
import { seriesContent } from './series-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of a build at the site root, no site URL: what `npm install && npm start` gives */
    distRoot: string;
    /** dist/ of a build with BASE_PATH=/news/ and SITE_URL=https://example.com */
    distNews: string;
    /** dist/ with URL_FORMAT=file, for hosts that do not map /dir/ to /dir/index.html */
    distFile: string;
    /** dist/ of the site plus the picture fixture article, under /news/ with SITE_URL */
    distPictures: string;
    /** the content folder distPictures was built from */
    pictureContentDir: string;
    /** dist/ of the series newsroom (tests/fixtures/series-newsroom), under /news/ with SITE_URL */
    distSeries: string;
  }
}

export const SITE_URL = 'https://example.com';
type BuildKey = 'distRoot' | 'distNews' | 'distFile' | 'distPictures' | 'distSeries';
const builds = (pictureContentDir: string, seriesContentDir: string): Record<BuildKey, Omit<BuildOptions, 'outDir'>> => ({
  distRoot: {},
  distNews: { base: '/news/', site: SITE_URL },
  distFile: { urlFormat: 'file' },
  distPictures: { base: '/news/', site: SITE_URL, contentDir: pictureContentDir },
  distSeries: { base: '/news/', site: SITE_URL, contentDir: seriesContentDir },
});

/** Builds the site once per test run in each deploy shape; every test file reads these. */
export default async function setup(project: TestProject) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-test-'));
  const pictures = await pictureContent(path.join(tmp, 'picture-content'));
  project.provide('pictureContentDir', pictures);
  const series = await seriesContent(path.join(tmp, 'series-content'));
  // One after the other: concurrent Astro builds in one project share its cache folder.
  for (const [key, options] of Object.entries(builds(pictures, series))) {
    const outDir = path.join(tmp, key);
    const { code, output } = await buildSite({ outDir, ...options });
    if (code !== 0) throw new Error(`astro build (${JSON.stringify(options)}) failed:\n${output}`);
    project.provide(key as BuildKey, outDir);
  }
  return () => rm(tmp, { recursive: true, force: true });
}
