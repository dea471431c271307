import type { KeepMessage } from './offline-caches.ts';

/**
 * Offline reading, from the page's side: registers the service worker
 * (src/sw/service-worker.ts) once the page has loaded. A page it did not yet
 * control is passed to it to keep with what it loaded, and on an article every picture is
 * fetched now, at the size this screen uses, so the whole article can be read
 * offline (not when the reader asked the browser to save data). Where there
 * is no service worker, or it fails, the site works online as before.
 */
// Computed here, as pagefind-api.ts's SITE_BASE is: importing that would load search code before any search.
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function keepThisPage(): Promise<void> {
  const worker = navigator.serviceWorker;
  const controlled = worker.controller !== null;
  await worker.register(`${base}sw.js`, { scope: base });
  const registration = await worker.ready;
  if (!controlled) {
    // Fetches go through the worker once it controls the page (it claims it on activation); what the
    // page fetched before (pictures, a script loaded once idle, the tab's icon) is passed to it to keep.
    if (!worker.controller) await new Promise((resolve) => worker.addEventListener('controllerchange', resolve, { once: true }));
    const files = [
      ...performance.getEntriesByType('resource').map((entry) => entry.name),
      ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="icon"]')].map((link) => link.href),
    ];
    registration.active?.postMessage({ type: 'yd-keep', page: location.href, files } satisfies KeepMessage);
  }
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
  if (saveData) return;
  for (const img of document.querySelectorAll<HTMLImageElement>('.yd-prose img[loading="lazy"], .yd-article-header img[loading="lazy"]')) {
    img.loading = 'eager';
  }
}

function start(): void {
  // Registration is refused where storage is off (some private modes): that only means no offline copies.
  keepThisPage().catch(() => undefined);
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
