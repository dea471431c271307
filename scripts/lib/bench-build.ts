import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { ROOT } from '../../tests/support/build-site.ts';
import { listFiles } from '../../tests/support/dist.ts';
import { watchPeakMemory } from './peak-memory.ts';

export interface BuildRun {
  code: number | null;
  seconds: number;
  peakBytes: number;
  output: string;
  timedOut: boolean;
}

const BUILD_SCRIPT = path.join(ROOT, 'scripts/build.ts');

/** `npm run build` (Astro, then the index) in a child process, timed, with the peak memory of its whole process tree; killed after timeoutMs. */
export function makeBuild(timeoutMs: number): (outDir: string, env?: NodeJS.ProcessEnv) => Promise<BuildRun> {
  return (outDir, env = {}) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, [BUILD_SCRIPT, '--out', outDir], {
        cwd: ROOT,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      });
      const memory = watchPeakMemory(child.pid ?? 0);
      let output = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('close', async (code) => {
        clearTimeout(timer);
        // Astro colours its lines when CI is set; the bench reads the words.
        resolve({ code, seconds: (performance.now() - started) / 1000, peakBytes: await memory.stop(), output: stripVTControlCharacters(output), timedOut });
      });
    });
}

export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const files = await listFiles(dir);
  let bytes = 0;
  for (const file of files) bytes += (await stat(path.join(dir, file))).size;
  return { bytes, files: files.length };
}

/** Why a build stopped, in words for the report. */
export function buildFailure(run: BuildRun, timeoutMs: number): string {
  return run.timedOut ? `ran out of time (${timeoutMs / 60_000} min)` : run.code === null || run.code === 137 ? 'was killed (out of memory?)' : `failed (exit ${run.code})`;
}
