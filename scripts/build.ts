/**
 * npm run build: `astro build` into a fresh folder beside dist/, then swap it
 * in. A build that fails at any step (content check, page render, Pagefind)
 * leaves the previous dist/ exactly as it was. `--out DIR` builds elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASTRO_BIN } from './lib/astro-bin.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out ?? 'dist');
const fresh = `${out}.new-${process.pid}`;
const old = `${out}.old-${process.pid}`;

const { status } = spawnSync(process.execPath, [ASTRO_BIN, 'build', '--outDir', fresh], { stdio: 'inherit' });
if (status !== 0) {
  await rm(fresh, { recursive: true, force: true });
  console.error(`build failed; ${path.relative(process.cwd(), out) || out} was left as it was`);
  process.exit(status ?? 1);
}
if (existsSync(out)) await rename(out, old);
await rename(fresh, out);
await rm(old, { recursive: true, force: true });
