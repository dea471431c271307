import type { Plugin } from 'vite';

/**
 * Turns off Vite's modulepreload helper for browser code. yuedu's only dynamic
 * imports load search on intent; the helper they pull in (1.2 KB brotli) would
 * ride on every page view for no gain. Astro fixes `build.modulePreload` for
 * the client environment, so this sets it after Astro has.
 */
export default function noModulePreload(): Plugin {
  return {
    name: 'yuedu-no-module-preload',
    configEnvironment(name, config) {
      if (name === 'client') config.build = { ...config.build, modulePreload: false };
    },
  };
}
