import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PageParts } from './page-key.ts';

const REASONS = ['new', 'code changed', 'article changed', 'neighbour changed', 'link target changed'] as const;
type Reason = (typeof REASONS)[number];

/** Why a page differs from the last build's, the first reason that holds; undefined when it does not. */
function reasonFor(before: PageParts | undefined, now: PageParts): Reason | undefined {
  if (!before) return 'new';
  if (before.code !== now.code) return 'code changed';
  if (before.own !== now.own) return 'article changed';
  if (before.neighbours !== now.neighbours) return 'neighbour changed';
  if (before.links !== now.links) return 'link target changed';
  return undefined;
}

/** "64 article pages: 58 as before, 6 to render (2 new, 1 article changed, 3 neighbour changed)". */
export function describeChanges(before: Record<string, PageParts>, now: Record<string, PageParts>): string {
  const counts = new Map<Reason, number>();
  let same = 0;
  for (const [id, parts] of Object.entries(now)) {
    const reason = reasonFor(before[id], parts);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    else same++;
  }
  const total = Object.keys(now).length;
  const changed = total - same;
  const why = REASONS.filter((r) => counts.has(r)).map((r) => `${counts.get(r)} ${r}`);
  return `${total} article page(s): ${same} as in the last build, ${changed} changed${why.length ? ` (${why.join(', ')})` : ''}`;
}

/**
 * Compares each article page's parts with those the last build recorded
 * beside Astro's cache, logs why pages changed (the bench reports it), and
 * records this build's, unless this build is not incremental
 * (YUEDU_INCREMENTAL=0: another build holds the cache, and its record is
 * the one to keep). Only a log: what is rendered is decided by the cache
 * keys alone.
 */
export function logPageChanges(now: Record<string, PageParts>): void {
  const file = path.join(path.resolve(process.env['YUEDU_CACHE_DIR'] || 'node_modules/.astro'), 'yuedu-pages.json');
  let before: Record<string, PageParts> = {};
  try {
    before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, PageParts>;
  } catch {
    // No last build, or an unreadable record: every page counts as new.
  }
  console.log(`[yuedu-pages] ${describeChanges(before, now)}`);
  if (process.env['YUEDU_INCREMENTAL'] === '0') return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(now));
}
