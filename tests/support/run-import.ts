import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build-site.ts';

export interface ImportRun {
  code: number | null;
  stdout: string;
  /** Trimmed: one line per refused input reads as one line. */
  stderr: string;
}

const command = (args: string[]) => [path.join(ROOT, 'scripts/import-article.ts'), ...args];
const env = (content: string) => ({ ...process.env, YUEDU_CONTENT_DIR: content });

/** Runs the importer as `npm run import` does, from `cwd`, writing into `content`. */
export function runImportSync(where: { cwd: string; content: string }, ...args: string[]): ImportRun {
  const result = spawnSync(process.execPath, command(args), { cwd: where.cwd, env: env(where.content), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** The same, asynchronously: for tests whose own server answers the importer's requests meanwhile. */
export function runImport(where: { cwd: string; content: string }, ...args: string[]): Promise<ImportRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command(args), { cwd: where.cwd, env: env(where.content) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.trim() }));
  });
}
