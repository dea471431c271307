import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface FirstView {
  /** The page itself, its inline stylesheet included. */
  html: number;
  /** Stylesheet files it links. */
  css: number;
  /** Of `html`: its inline <style>, compressed on its own. */
  inlineCss: number;
  js: number;
  /**
   * What holds up the first paint: stylesheets and classic scripts in <head>,
   * and module scripts left at Chromium's high fetch priority, which Lighthouse
   * counts as holding it up wherever they stand.
   */
  blocking: string[];
  /** Scripts the page's scripts import: each a request chained behind them, at high priority. */
  chained: string[];
  files: string[];
}

const brotli = (bytes: Buffer | string) => brotliCompressSync(bytes).length;

/** Files under dist that a root-relative URL (with the build's base) points to. */
function distPath(dist: string, base: string, url: string): string {
  return path.join(dist, url.slice(base.length));
}

// Static imports only: `import ... from "./x.js"` and bare `import "./x.js"`; dynamic import() loads on intent.
const STATIC_IMPORT = /(?:^|[^\w.$])import\s*(?:[^'"();]*?from\s*)?["']([^"']+)["']/g;

/**
 * Brotli bytes of what an article page needs before any interaction: its HTML,
 * its stylesheets and the module scripts it loads, with their static imports.
 */
export async function firstView(dist: string, page: string, base = '/'): Promise<FirstView> {
  const htmlText = await readFile(path.join(dist, page), 'utf8');
  const doc = parse(htmlText);
  const files: string[] = [];
  let css = 0;
  for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) {
    const file = distPath(dist, base, link.getAttribute('href') ?? '');
    files.push(file);
    css += brotli(await readFile(file));
  }
  let js = doc
    .querySelectorAll('script:not([src])')
    .filter((s) => s.getAttribute('type') !== 'application/ld+json')
    .reduce((sum, s) => sum + brotli(s.textContent), 0);
  const seen = new Set<string>();
  const entries = doc.querySelectorAll('script[src]').map((s) => distPath(dist, base, s.getAttribute('src') ?? ''));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    files.push(file);
    const code = await readFile(file, 'utf8');
    js += brotli(code);
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) {
      if (specifier) queue.push(path.resolve(path.dirname(file), specifier));
    }
  }
  const head = doc.querySelector('head');
  const blocking = [
    ...(head?.querySelectorAll('link[rel="stylesheet"]') ?? []).map((l) => l.getAttribute('href') ?? ''),
    ...(head?.querySelectorAll('script[src]:not([type="module"]):not([async]):not([defer])') ?? []).map((s) => s.getAttribute('src') ?? ''),
    ...doc.querySelectorAll('script[type="module"]:not([fetchpriority="low"])').map((s) => s.getAttribute('src') ?? 'an inline module'),
  ];
  const chained = files.filter((file) => file.endsWith('.js') && !entries.includes(file)).map((file) => path.relative(dist, file));
  const inlineCss = doc.querySelectorAll('style').reduce((sum, style) => sum + brotli(style.textContent), 0);
  return { html: brotli(htmlText), css, inlineCss, js, blocking, chained, files };
}
