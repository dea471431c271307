import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './build-site.ts';

/**
 * A copy of this project's code, content and configuration in `dir`, with
 * node_modules linked, for a test that changes code (a stylesheet, say)
 * between two deploys and builds each as `npm run build` would.
 */
export async function copyProject(dir: string): Promise<string> {
  for (const entry of ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
