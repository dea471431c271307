import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * The pages to index: only article pages carry data-pagefind-body, so naming
 * them spares Pagefind parsing listings. Both URL formats are covered
 * (articles/x/index.html and articles/x.html), per language.
 */
const LANGUAGES = [
  { lang: 'zh-cn', page: /^articles\/[^/]+(\/index)?\.html$/ },
  { lang: 'zh-hant', page: /^articles\/[^/]+\/zh-hant(\/index)?\.html$/ },
];

/**
 * Pages per Pagefind run. Its Chinese segmentation holds about 0.5-0.7 MB per
 * page until the run ends, so 10,000 articles in one run needed 7 GB; in runs
 * of this size the peak stays near 1.5 GB. Each run beyond the first writes a
 * bundle of its own (pagefind/<lang>-<n>/) that the browser merges at search
 * time (Pagefind's mergeIndex), listed in pagefind/yuedu-parts.json.
 * YUEDU_INDEX_BATCH lowers it so tests can exercise the merged bundles.
 */
const BATCH = Number(process.env['YUEDU_INDEX_BATCH']) || 2500;

interface Entry {
  version: string;
  languages: Record<string, { page_count?: number }>;
}

function assertOk(step: string, response: { errors: string[] }, logger: AstroIntegrationLogger): void {
  if (response.errors.length === 0) return;
  for (const error of response.errors) logger.error(`${step}: ${error}`);
  throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
}

/** One Pagefind process over these pages, closed afterwards so its memory is returned before the next. */
async function indexBatch(site: string, files: string[], outputPath: string, logger: AstroIntegrationLogger): Promise<Entry> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind createIndex failed: ${errors.join('; ')}`);
    // One glob naming each file lets Pagefind read them itself: a third faster than sending each
    // page's HTML through the API. Article paths are ASCII slugs, so nothing in them needs escaping.
    const glob = files.length === 1 ? (files[0] ?? '') : `{${files.join(',')}}`;
    const added = await index.addDirectory({ path: site, glob });
    assertOk('addDirectory', added, logger);
    assertOk('writeFiles', await index.writeFiles({ outputPath }), logger);
    return JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as Entry;
  } finally {
    await pagefind.close();
  }
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
        const site = fileURLToPath(dir);
        const bundle = path.join(site, 'pagefind');
        const all = (await readdir(path.join(site, 'articles'), { recursive: true }))
          .map((file) => `articles/${file.split(path.sep).join('/')}`)
          .sort();
        const primary: Entry = { version: '', languages: {} };
        const parts: Record<string, string[]> = {};
        let pages = 0;
        for (const { lang, page } of LANGUAGES) {
          const files = all.filter((file) => page.test(file));
          if (files.length === 0) throw new Error(`Pagefind: no ${lang} article pages to index`);
          parts[lang] = [];
          for (let start = 0, n = 0; start < files.length; start += BATCH, n++) {
            const part = n === 0 ? '' : `${lang}-${n}/`;
            await mkdir(path.join(bundle, part), { recursive: true });
            const entry = await indexBatch(site, files.slice(start, start + BATCH), path.join(bundle, part), logger);
            const indexed = entry.languages[lang]?.page_count ?? 0;
            if (indexed === 0) throw new Error(`Pagefind wrote no "${lang}" pages for ${files[start]} and on`);
            pages += indexed;
            // Each run rewrites its bundle's entry file with its own language only; the primary lists all.
            if (n === 0) Object.assign(primary, { ...entry, languages: { ...primary.languages, ...entry.languages } });
            else parts[lang]?.push(part);
          }
        }
        await writeFile(path.join(bundle, 'pagefind-entry.json'), JSON.stringify(primary));
        await writeFile(path.join(bundle, 'yuedu-parts.json'), JSON.stringify(parts));
        const bundles = Object.values(parts).reduce((sum, list) => sum + list.length + 1, 0);
        logger.info(`indexed ${pages} page(s) into ${bundles} bundle(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
