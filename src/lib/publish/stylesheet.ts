import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transform } from 'lightningcss';

/**
 * The site's one stylesheet (src/styles/global.css), minified, as every page
 * carries it inside its <head>: 2.9 KB brotli, so the first paint needs the
 * HTML alone, one round trip, and the reader's theme and text size (set by
 * the preferences script before the body is parsed) apply to it at once.
 * Minified by lightningcss, the minifier Vite itself uses, so the bytes are
 * the ones a bundled stylesheet had. Read once per build from the project
 * root, where every build runs; the CSP allows exactly this text by its hash.
 */
const source = readFileSync(path.resolve('src/styles/global.css'));
export const STYLESHEET = transform({ filename: 'global.css', code: source, minify: true }).code.toString();

export const STYLESHEET_HASH = `'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`;
