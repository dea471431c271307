import type { AstroIntegration } from 'astro';
import { writeWebApp } from '../lib/publish/web-app.ts';

/** The web app manifest and its icons (lib/publish/web-app.ts), once the pages are built. */
export default function webApp(): AstroIntegration {
  let fileUrls = false;
  return {
    name: 'yuedu-web-app',
    hooks: {
      'astro:config:done': ({ config }) => {
        fileUrls = config.build.format === 'file';
      },
      'astro:build:done': ({ dir }) => writeWebApp(dir, fileUrls),
    },
  };
}
