import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build-site.ts';

/** The fenced blocks of one language in README.md, in order: the recipes as readers copy them. */
export function readmeBlocks(language: string): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\``, 'gm'))].map(([, indent = '', body = '']) =>
    body.replace(new RegExp(`^${indent}`, 'gm'), ''),
  );
}

/** A port nobody listens on right now (the server may still lose a race for it: start() retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Its scratch folder: config, pid, temp files and logs. */
  dir: string;
  /** What the server printed so far. */
  log(): string;
  /** Throws with the server's log if it has exited. */
  assertAlive(): void;
  stop(): Promise<void>;
}

export interface ServerKind {
  name: string;
  /** The config file for this port, from the README's block. */
  config(port: number, dir: string): string;
  /** The command that runs it in the foreground with that config file. */
  command(configFile: string, dir: string): { bin: string; args: string[]; env?: NodeJS.ProcessEnv };
}

const READY_TIMEOUT_MS = 10_000;

async function waitUntilUp(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(origin, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Starts a real web server on loopback as the current user, with a config
 * made from the README. A config the server refuses fails with the server's
 * own message; a port taken meanwhile is retried on another.
 */
export async function startServer(kind: ServerKind, { port: wanted }: { port?: number } = {}): Promise<RunningServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `yuedu-${kind.name}-`));
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && wanted ? wanted : await freePort();
    const configFile = path.join(dir, `${kind.name}-${port}.conf`);
    await mkdir(path.join(dir, 'run'), { recursive: true });
    await writeFile(configFile, kind.config(port, dir));
    const { bin, args, env } = kind.command(configFile, dir);
    const child = spawn(bin, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitUntilUp(origin, child, () => output);
    } catch (error) {
      child.kill('SIGKILL');
      const message = error instanceof Error ? error.message : String(error);
      if (/address already in use/i.test(message) && attempt < 5) continue;
      throw new Error(`${kind.name} did not start (${configFile}): ${message}`);
    }
    return {
      origin,
      dir,
      log: () => output,
      assertAlive() {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${kind.name} died (${child.exitCode ?? child.signalCode}):\n${output}`);
      },
      stop: () =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
}

/** With `accessLog`, one line per response in <dir>/run/access.log: `sent <path> <body bytes> <bytes with headers>`. */
export const accessLogOf = (server: RunningServer) => path.join(server.dir, 'run', 'access.log');
const ACCESS_LOG = (on: boolean, dir: string) =>
  on ? `log_format yd 'sent $request_uri $body_bytes_sent $bytes_sent'; access_log ${path.join(dir, 'run', 'access.log')} yd;` : 'access_log off;';

/**
 * nginx from Debian, running the README's server block inside a minimal main
 * config (pid, temp paths and logs in a scratch folder, no daemon). As root
 * its workers run as root too, so they can read a build in a private temp folder.
 */
export function nginx(dist: string, { root = false, accessLog = false }: { root?: boolean; accessLog?: boolean } = {}): ServerKind {
  const [block = ''] = readmeBlocks('nginx');
  return {
    name: 'nginx',
    config: (port, dir) => {
      let server = block.replace(/listen 80;/, `listen 127.0.0.1:${port};`).replaceAll('/srv/yuedu/dist', dist);
      // The README's one-line change for a root deployment.
      if (root) server = server.replace(/location \/news\/ \{.*$/m, 'location / {');
      const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/run/${t};`).join(' ');
      return [
        `pid ${dir}/run/nginx.pid;`,
        'error_log stderr notice;',
        'daemon off;',
        ...(process.getuid?.() === 0 ? ['user root;'] : []),
        'include /etc/nginx/modules-enabled/*.conf;',
        'events { worker_connections 128; }',
        `http { include /etc/nginx/mime.types; default_type application/octet-stream; ${ACCESS_LOG(accessLog, dir)} ${temp}`,
        server,
        '}',
      ].join('\n');
    },
    command: (configFile) => ({ bin: 'nginx', args: ['-e', 'stderr', '-c', configFile] }),
  };
}

/** Caddy from Debian, running the README's site block with HTTPS, the admin API and saved state turned off. */
export function caddy(dist: string): ServerKind {
  const [block = ''] = readmeBlocks('caddyfile');
  return {
    name: 'caddy',
    config: (port) =>
      ['{', '\tadmin off', '\tauto_https off', '}', block.replace('news.example.com', `http://127.0.0.1:${port}`).replaceAll('/srv/yuedu/dist', dist)].join('\n'),
    command: (configFile, dir) => ({
      bin: 'caddy',
      args: ['run', '--config', configFile, '--adapter', 'caddyfile'],
      env: { XDG_DATA_HOME: `${dir}/run/data`, XDG_CONFIG_HOME: `${dir}/run/config`, HOME: `${dir}/run` },
    }),
  };
}
