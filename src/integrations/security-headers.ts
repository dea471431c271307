import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { SECURITY_HEADERS } from '../lib/security.ts';

/**
 * Writes dist/_headers (read by Netlify and Cloudflare Pages) from the same
 * source as each page's CSP <meta>, so the two can never disagree.
 */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'yuedu-security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
        await writeFile(new URL('./_headers', dir), `/*\n${lines.join('\n')}\n`);
      },
    },
  };
}
