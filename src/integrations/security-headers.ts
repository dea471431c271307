import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/publish/urls.ts';
import { caddySnippet, netlifyHeaders, nginxSnippet } from '../lib/publish/server-config.ts';

/**
 * Writes what each kind of host reads to serve dist/ (server-config.ts):
 * _headers (Netlify, Cloudflare Pages), _nginx.conf and _caddy (the README's
 * recipes include them). All come from the same source as each page's CSP
 * <meta>, so they can never disagree with the pages of the same build.
 */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'yuedu-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withBase('', config.base);
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('./_headers', dir), netlifyHeaders());
        await writeFile(new URL('./_nginx.conf', dir), nginxSnippet(base));
        await writeFile(new URL('./_caddy', dir), caddySnippet(base));
      },
    },
  };
}
