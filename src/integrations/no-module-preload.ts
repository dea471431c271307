import type { Plugin } from 'vite';

const HELPER_ID = '\0vite/preload-helper.js';
// How a bundled chunk imports the helper: `import{t as e}from"./preload-helper.<hash>.js";`.
const helperImport = (file: string) => new RegExp(`import\\s*\\{\\s*(\\w+)\\s+as\\s+([\\w$]+)\\s*\\}\\s*from\\s*["'\`]\\./${file.replace(/^.*\//, '').replace(/\./g, '\\.')}["'\`];?`);

/**
 * Turns off modulepreload for browser code. yuedu's only dynamic imports load
 * search on intent; with preloading on, every page's entry script carries the
 * dependency lists of those imports (about 350 bytes here) to fetch them in
 * parallel, a saving nobody on a reading page needs. Astro fixes
 * `build.modulePreload` for the client environment, so this sets it after
 * Astro has. Vite still wraps each dynamic import in its preload helper, a
 * 1.8 KB chunk that preloads CSS and modules that, here, never exist (the
 * stylesheet is inline, the lists are empty): the helper becomes the one line
 * left of it, a call of the import, and that line is written into each chunk
 * that used it instead of being a chunk of its own. As a chunk it was one more
 * request chained behind every page's script, fetched at high priority
 * (Chromium's rule for a module's imports) while the page was still painting.
 */
export default function noModulePreload(): Plugin {
  return {
    name: 'yuedu-no-module-preload',
    enforce: 'pre',
    load(id) {
      if (id === HELPER_ID) return 'export const __vitePreload = (load) => load();';
      return undefined;
    },
    configEnvironment(name, config) {
      if (name === 'client') config.build = { ...config.build, modulePreload: false };
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const helper = Object.values(bundle).find((out) => out.type === 'chunk' && out.moduleIds.length === 1 && out.moduleIds[0] === HELPER_ID);
        if (!helper) return;
        const pattern = helperImport(helper.fileName);
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.imports.includes(helper.fileName)) continue;
          const match = pattern.exec(chunk.code);
          // A bundler that writes the import another way fails the build here, not in the reader's browser.
          if (!match) throw new Error(`${chunk.fileName}: cannot find its import of ${helper.fileName} to inline the preload helper`);
          chunk.code = chunk.code.replace(pattern, `const ${match[2]}=(f)=>f();`);
          chunk.imports = chunk.imports.filter((file) => file !== helper.fileName);
        }
        delete bundle[helper.fileName];
      },
    },
  };
}
