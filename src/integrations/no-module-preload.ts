import type { Plugin } from 'vite';

/**
 * Turns off modulepreload for browser code. yuedu's only dynamic imports load
 * search on intent; with preloading on, every page's entry script carries the
 * dependency lists of those imports (about 350 bytes here) to fetch them in
 * parallel, a saving nobody on a reading page needs. Vite still adds its
 * preload helper chunk (0.8 KB brotli) around dynamic imports either way.
 * Astro fixes `build.modulePreload` for the client environment, so this sets
 * it after Astro has.
 */
export default function noModulePreload(): Plugin {
  return {
    name: 'yuedu-no-module-preload',
    configEnvironment(name, config) {
      if (name === 'client') config.build = { ...config.build, modulePreload: false };
    },
  };
}
