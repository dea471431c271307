import { createRequire } from 'node:module';
import path from 'node:path';

/** Astro's CLI entry, run with process.execPath so every build uses the project's pinned Node. */
export const ASTRO_BIN = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
