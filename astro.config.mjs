// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import feedEnclosures from './src/integrations/feed-enclosures.ts';
import noModulePreload from './src/integrations/no-module-preload.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import webApp from './src/integrations/web-app.ts';

// Deploy switches (README "Deploying"): BASE_PATH=/news/ for a sub-path, SITE_URL for absolute
// URLs, feeds and the sitemap, URL_FORMAT=file for hosts that do not map /dir/ to /dir/index.html.
const site = process.env.SITE_URL || undefined;
const fileUrls = process.env.URL_FORMAT === 'file';
// Where Astro keeps encoded pictures between builds; the bench points it at an empty folder to time a cold build.
const cacheDir = process.env.YUEDU_CACHE_DIR || undefined;
// scripts/build.ts turns incremental builds off when another build holds the cache (README "Daily rebuilds").
const incremental = process.env.YUEDU_INCREMENTAL !== '0';

export default defineConfig({
  ...(site ? { site } : {}),
  ...(cacheDir ? { cacheDir } : {}),
  base: process.env.BASE_PATH || '/',
  trailingSlash: fileUrls ? 'never' : 'always',
  // Astro inlines no stylesheet of its own: the one inline style is the site's, allowed by its hash (stylesheet.ts).
  build: { format: fileUrls ? 'file' : 'directory', concurrency: 4, inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Article pages carry a cacheKey (src/lib/content/page-key.ts): unchanged ones are copied from the last build.
  experimental: { incrementalBuild: incremental },
  integrations: [
    ...(site ? [sitemap({ filter: (page) => !/\/(?:404|offline)(?:\/|\.html|$)/.test(page) })] : []),
    securityHeaders(),
    feedEnclosures(),
    webApp(),
    // The search index and the service worker are written by scripts/build.ts once Astro has exited.
  ],
  vite: {
    plugins: [noModulePreload()],
    // A page's script stays a file however small: the CSP allows no inline script but the
    // preferences one, by its hash. Other small assets keep Vite's default (inline under 4 KB).
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
});
