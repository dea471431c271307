import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

function assertOk(step: string, response: { errors: string[] }, logger: AstroIntegrationLogger): void {
  if (response.errors.length === 0) return;
  for (const error of response.errors) logger.error(`${step}: ${error}`);
  throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
}

/**
 * Builds the search index into dist/pagefind/ as the last step of `astro build`,
 * so no deploy can ship pages without it. A failed index fails the build.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'yuedu-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind createIndex failed: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          assertOk('addDirectory', added, logger);
          if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: no page has data-pagefind-body');
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          assertOk('writeFiles', written, logger);
          logger.info(`indexed ${added.page_count} page(s) in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
