/// <reference lib="webworker" />
import type { WorkboxPlugin } from 'workbox-core/types';

/**
 * Keeps one cache within its budget (BUDGET in offline-caches.ts): past
 * `maxEntries`, the entries written longest ago go first. A Cache lists its
 * entries in the order they were put, a put of the same URL moving it last,
 * and a page read online is put again (network first), so for pages that is
 * least recently read. Hashed files (pictures, scripts) are written once:
 * the oldest kept go first. This replaces Workbox's expiration plugin, which
 * keeps its own timestamps in IndexedDB for the same result and costs the
 * worker 6.6 KB of its 27.
 */
export async function keepWithin(name: string, maxEntries: number): Promise<void> {
  const cache = await caches.open(name);
  const requests = await cache.keys();
  await Promise.all(requests.slice(0, Math.max(0, requests.length - maxEntries)).map((request) => cache.delete(request)));
}

/** The same as a Workbox plugin: trims its cache after each write. */
export const budget = (maxEntries: number): WorkboxPlugin[] => [{ cacheDidUpdate: ({ cacheName }) => keepWithin(cacheName, maxEntries) }];
