import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of a build at the site root */
    distRoot: string;
    /** dist/ of a build with BASE_PATH=/news/ */
    distNews: string;
  }
}

/** Builds the site once per test run, at the root and under /news/; every test file reads these. */
export default async function setup(project: TestProject) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yuedu-test-'));
  const builds = { distRoot: { base: '/' }, distNews: { base: '/news/' } } as const;
  // One after the other: concurrent Astro builds in one project share its cache folder.
  for (const [key, { base }] of Object.entries(builds)) {
    const outDir = path.join(tmp, key);
    const { code, output } = await buildSite({ outDir, base });
    if (code !== 0) throw new Error(`astro build (base ${base}) failed:\n${output}`);
    project.provide(key as keyof typeof builds, outDir);
  }
  return () => rm(tmp, { recursive: true, force: true });
}
