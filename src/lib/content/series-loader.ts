import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readSeriesFiles } from './series-files.ts';

/**
 * content/series/*.md -> the series collection. The files are read and
 * checked by series-files.ts; their problems are reported by the articles
 * loader with every other content problem, so this stores the good ones only.
 * Few files: read and stored whole every build.
 */
export function seriesLoader(): Loader {
  return {
    name: 'yuedu-series',
    load: async ({ store, config, parseData, generateDigest }) => {
      const { series } = await readSeriesFiles(fileURLToPath(config.root));
      store.clear();
      for (const { slug, filePath, data, body, rendered, cover, pictures } of series) {
        const { headings, charCount, lead } = rendered;
        store.set({
          id: slug,
          data: await parseData({ id: slug, filePath, data: { ...data, cover: cover?.relative, pictures: pictures.map((p) => p.relative) } }),
          body,
          filePath,
          digest: generateDigest(body + JSON.stringify(data)),
          rendered: { html: '', metadata: { headings, charCount, lead } },
        });
      }
    },
  };
}
