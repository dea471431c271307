import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { unallowedStyles } from './inline-styles.ts';
import { STYLESHEET_HASH } from '../lib/publish/stylesheet.ts';
import { withBase } from '../lib/publish/urls.ts';
import { caddySnippet, netlifyHeaders, nginxSnippet } from '../lib/publish/server-config.ts';

/**
 * Writes what each kind of host reads to serve dist/ (server-config.ts):
 * _headers (Netlify, Cloudflare Pages), _nginx.conf and _caddy (the README's
 * recipes include them). All come from the same source as each page's CSP
 * <meta>, so they can never disagree with the pages of the same build.
 * First it checks every page's inline styles against the CSP: one it would
 * block fails the build, all of them listed, instead of shipping unstyled.
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
        const problems = await unallowedStyles(fileURLToPath(dir), [STYLESHEET_HASH]);
        if (problems.length > 0) throw new Error(`inline styles the CSP would block:\n${problems.join('\n')}`);
        await writeFile(new URL('./_headers', dir), netlifyHeaders());
        await writeFile(new URL('./_nginx.conf', dir), nginxSnippet(base));
        await writeFile(new URL('./_caddy', dir), caddySnippet(base));
      },
    },
  };
}
