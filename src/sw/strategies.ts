/// <reference lib="webworker" />
import { BUDGET, CACHE_PREFIX, NETWORK_TIMEOUT_S } from '../client/offline/offline-caches.ts';
import { keepWithin } from './keep-within.ts';

/** Where a strategy keeps what it fetched, and how. */
export interface Keep {
  cache: string;
  maxEntries: number;
  /** The response as kept (a page gets the time it was read). */
  prepare?: (response: Response) => Response;
  /** The address it is kept under, when not the request's own. */
  key?: (url: string) => string;
}

/**
 * The device's storage is full: a write failed (the page was still shown
 * from the network). Halve what each of yuedu's caches keeps, least recently
 * read first, so the next pages read can be kept again.
 */
async function makeRoom(): Promise<void> {
  for (const name of await caches.keys()) {
    // yuedu-articles-<build>, yuedu-assets…: the kind names its budget; the shell has none.
    const kind = new RegExp(`^${CACHE_PREFIX}-([a-z]+)`).exec(name)?.[1] ?? '';
    const budget = (BUDGET as Record<string, number | undefined>)[kind];
    if (budget) await keepWithin(name, Math.floor(budget / 2));
  }
}

/** Keeps a copy of a 200 answer (never an error page or a partial one), within its cache's budget. */
async function store(request: Request, response: Response, keep: Keep): Promise<void> {
  if (response.status !== 200) return;
  const cache = await caches.open(keep.cache);
  try {
    await cache.put(keep.key ? keep.key(request.url) : request, keep.prepare ? keep.prepare(response) : response);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'QuotaExceededError') await makeRoom();
    return;
  }
  await keepWithin(keep.cache, keep.maxEntries);
}

const cached = async (request: Request, keep: Keep) => (await caches.open(keep.cache)).match(keep.key ? keep.key(request.url) : request);

/** Hashed files: the copy kept, else the network's, kept. */
export async function cacheFirst(event: ExtendableEvent, request: Request, keep: Keep): Promise<Response> {
  const hit = await cached(request, keep);
  if (hit) return hit;
  const response = await fetch(request);
  event.waitUntil(store(request, response.clone(), keep));
  return response;
}

/**
 * Pages and the search's entry files: the network's answer, kept; if it has
 * not come within NETWORK_TIMEOUT_S, or cannot, the copy kept; with no copy,
 * whatever the network gives in the end (or its error).
 */
export async function networkFirst(event: ExtendableEvent, request: Request, keep: Keep): Promise<Response> {
  const network = fetch(request);
  // Asked while the event is still being handled (the worker stays up to keep the copy), and the
  // copy made as the answer arrives, before the page reads its body.
  event.waitUntil(network.then((response) => store(request, response.clone(), keep)).catch(() => undefined));
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => (timer = self.setTimeout(resolve, NETWORK_TIMEOUT_S * 1000)));
  const first = await Promise.race([network.catch(() => undefined), late]);
  self.clearTimeout(timer);
  if (first) return first;
  return (await cached(request, keep)) ?? network;
}
