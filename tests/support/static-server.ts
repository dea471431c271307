import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** Origin plus base, e.g. http://127.0.0.1:40123/news/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` under `base` the way a plain static host does: /x/ -> /x/index.html,
 * anything outside the base or missing -> 404 (with 404.html if built). With
 * `dirIndex: false` it behaves like a bucket without rewrites: /x/ is a 404.
 * Port 0, loopback only.
 */
export async function serveStatic(dir: string, base = '/', { dirIndex = true } = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(base)) return void res.writeHead(404).end('outside base');
    let file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) {
        if (!dirIndex) throw new Error('no index mapping');
        file = path.join(file, 'index.html');
      }
      await stat(file);
    } catch {
      // Like GitHub Pages, Netlify and most hosts: the site's own 404 page, with status 404.
      const notFound = path.join(dir, '404.html');
      const exists = await stat(notFound).then(() => true, () => false);
      if (!exists) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res.writeHead(404, { 'content-type': TYPES['.html'] ?? 'text/html' });
      return void createReadStream(notFound).pipe(res);
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
