// @ts-check
import { defineConfig } from 'astro/config';
import noModulePreload from './src/integrations/no-module-preload.ts';
import pagefind from './src/integrations/pagefind.ts';

// BASE_PATH deploys under a sub-path (e.g. BASE_PATH=/news/); SITE_URL enables absolute URLs.
export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [pagefind()],
  vite: { plugins: [noModulePreload()] },
});
