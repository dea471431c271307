/// <reference lib="webworker" />

/**
 * Keeps one cache within its budget (BUDGET in offline-caches.ts): past
 * `maxEntries`, the entries written longest ago go first. A Cache lists its
 * entries in the order they were put, a put of the same URL moving it last,
 * and a page read online is put again (network first), so for pages that is
 * least recently read. Hashed files (pictures, scripts) are written once:
 * the oldest kept go first. Workbox's expiration plugin kept its own
 * timestamps in IndexedDB for the same result.
 */
export async function keepWithin(name: string, maxEntries: number): Promise<void> {
  const cache = await caches.open(name);
  const requests = await cache.keys();
  await Promise.all(requests.slice(0, Math.max(0, requests.length - maxEntries)).map((request) => cache.delete(request)));
}
