import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildResult {
  code: number | null;
  output: string;
}

export interface BuildOptions {
  outDir: string;
  base?: string;
  site?: string;
  urlFormat?: 'file';
  contentDir?: string;
  /** Pages per Pagefind run (YUEDU_INDEX_BATCH), to exercise merged bundles on a small corpus. */
  indexBatch?: number;
  /** The project to build (default: this one); a copy made by tests/support/project-copy.ts. */
  root?: string;
  /** Astro's cache folder (YUEDU_CACHE_DIR), for a build that must not share this project's. */
  cacheDir?: string;
  /** `--full`: render and index everything. */
  full?: boolean;
  /** Called with the build's process id once it runs (to watch its memory). */
  onStart?: (pid: number) => void;
}

/**
 * Runs `npm run build`'s script (scripts/build.ts: astro build beside outDir,
 * then swap) in a child process with the project's pinned Node: the same
 * command the README and the GitHub Pages workflow use.
 */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of ['BASE_PATH', 'SITE_URL', 'URL_FORMAT', 'YUEDU_CONTENT_DIR', 'YUEDU_INDEX_BATCH', 'YUEDU_CACHE_DIR']) delete env[key];
  if (options.cacheDir) env['YUEDU_CACHE_DIR'] = options.cacheDir;
  if (options.indexBatch) env['YUEDU_INDEX_BATCH'] = String(options.indexBatch);
  if (options.base) env['BASE_PATH'] = options.base;
  if (options.site) env['SITE_URL'] = options.site;
  if (options.urlFormat) env['URL_FORMAT'] = options.urlFormat;
  if (options.contentDir) env['YUEDU_CONTENT_DIR'] = options.contentDir;
  return new Promise((resolve, reject) => {
    const args = ['scripts/build.ts', '--out', options.outDir, ...(options.full ? ['--full'] : [])];
    // Its own process group, so a test can stop the build and the astro build it runs at once.
    const child = spawn(process.execPath, args, { cwd: options.root ?? ROOT, env, detached: true });
    if (child.pid) options.onStart?.(child.pid);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    // With CI set, Astro's logger colours its lines (picocolors turns colour on for CI): tests read the words.
    child.on('close', (code) => resolve({ code, output: stripVTControlCharacters(output) }));
  });
}
