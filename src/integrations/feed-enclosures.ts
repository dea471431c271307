import type { AstroIntegration } from 'astro';
import { sizeEnclosures } from '../lib/publish/feed-enclosures.ts';
import { withBase } from '../lib/publish/urls.ts';

/** Each feed enclosure's real size (lib/publish/feed-enclosures.ts), once the pictures are written. */
export default function feedEnclosures(): AstroIntegration {
  let base = '/';
  return {
    name: 'yuedu-feed-enclosures',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withBase('', config.base);
      },
      'astro:build:done': ({ dir }) => sizeEnclosures(dir, base),
    },
  };
}
