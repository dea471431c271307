import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * The pages to index, one Pagefind run per language. Only article pages carry
 * data-pagefind-body; naming them here also spares Pagefind parsing listings.
 * Both URL formats (dir/index.html and name.html) are covered.
 */
const LANGUAGES = [
  { lang: 'zh-cn', glob: '{articles/*/index.html,articles/*.html}' },
  { lang: 'zh-hant', glob: '{articles/*/zh-hant/index.html,articles/*/zh-hant.html}' },
];

interface Entry {
  version: string;
  languages: Record<string, unknown>;
}

function assertOk(step: string, response: { errors: string[] }, logger: AstroIntegrationLogger): void {
  if (response.errors.length === 0) return;
  for (const error of response.errors) logger.error(`${step}: ${error}`);
  throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
}

/** One language: its own Pagefind process, closed afterwards so its memory is returned before the next. */
async function indexLanguage(site: string, outputPath: string, glob: string, logger: AstroIntegrationLogger): Promise<Entry> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind createIndex failed: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site, glob });
    assertOk('addDirectory', added, logger);
    if (added.page_count === 0) throw new Error(`Pagefind indexed 0 pages matching ${glob}`);
    assertOk('writeFiles', await index.writeFiles({ outputPath }), logger);
    return JSON.parse(await readFile(`${outputPath}pagefind-entry.json`, 'utf8')) as Entry;
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the search index into dist/pagefind/ as the last step of `astro build`,
 * so no deploy can ship pages without it. A failed index fails the build.
 * Languages are indexed one after another: Pagefind's Chinese segmentation
 * holds about 0.5 MB per page while it runs, and one run over both the
 * simplified and the traditional pages needed the sum of the two at once.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'yuedu-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const outputPath = fileURLToPath(new URL('./pagefind/', dir));
        const merged: Entry = { version: '', languages: {} };
        for (const { lang, glob } of LANGUAGES) {
          const entry = await indexLanguage(site, outputPath, glob, logger);
          if (!entry.languages[lang]) throw new Error(`Pagefind wrote no "${lang}" index for ${glob}`);
          // Each run rewrites the entry file with its own language only; keep them all.
          Object.assign(merged, { ...entry, languages: { ...merged.languages, ...entry.languages } });
        }
        await writeFile(`${outputPath}pagefind-entry.json`, JSON.stringify(merged));
        const pages = Object.values(merged.languages).reduce<number>((sum, l) => sum + ((l as { page_count?: number }).page_count ?? 0), 0);
        logger.info(`indexed ${pages} page(s) in ${Object.keys(merged.languages).join(', ')} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
