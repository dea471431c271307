import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Static imports only: `import … from "./x.js"` and bare `import "./x.js"`. Vite writes a dynamic
// import() with a template literal, and what it loads (search, sharing) is fetched on intent.
const STATIC_IMPORT = /(?:^|[^\w.$])import\s*(?:[^'"`();]*?from\s*)?["']([^"']+)["']/g;
const STYLESHEET = /<link rel="stylesheet" href="[^"]*?(_astro\/[^"]+)"/g;
const MODULE = /<script type="module"[^>]*? src="[^"]*?(_astro\/[^"]+)"/g;

/**
 * The hashed files (`_astro/…`, relative to the site) a built page loads
 * before the reader does anything: its stylesheets, its module scripts and
 * what they import statically. What a service worker must hold for the page
 * to work offline as it does online.
 */
export async function pageAssets(site: string, page: string): Promise<string[]> {
  const html = await readFile(path.join(site, page), 'utf8');
  const found = new Set([...html.matchAll(STYLESHEET)].map((m) => m[1] ?? ''));
  const queue = [...html.matchAll(MODULE)].map((m) => m[1] ?? '');
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (found.has(file)) continue;
    found.add(file);
    const code = await readFile(path.join(site, file), 'utf8');
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) {
      if (specifier) queue.push(path.posix.join(path.posix.dirname(file), specifier));
    }
  }
  return [...found].filter(Boolean).sort();
}
