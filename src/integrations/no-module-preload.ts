import type { Plugin } from 'vite';

/**
 * Turns off modulepreload for browser code. yuedu's only dynamic imports load
 * search on intent; with preloading on, every page's entry script carries the
 * dependency lists of those imports (about 350 bytes here) to fetch them in
 * parallel, a saving nobody on a reading page needs. Astro fixes
 * `build.modulePreload` for the client environment, so this sets it after
 * Astro has. Vite still wraps each dynamic import in its preload helper, a
 * 1.8 KB chunk (0.76 KB brotli) every page loads to preload CSS and modules
 * that, here, never exist (the stylesheet is inline, the lists are empty):
 * the helper becomes the one line left of it, a call of the import.
 */
export default function noModulePreload(): Plugin {
  return {
    name: 'yuedu-no-module-preload',
    enforce: 'pre',
    load(id) {
      if (id === '\0vite/preload-helper.js') return 'export const __vitePreload = (load) => load();';
      return undefined;
    },
    configEnvironment(name, config) {
      if (name === 'client') config.build = { ...config.build, modulePreload: false };
    },
  };
}
