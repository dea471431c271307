import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { EntryFiles } from './entry-files.ts';

/**
 * content/<folder>/*.md -> its collection. The files are read and checked by
 * entry-files.ts; their problems are reported by the articles loader with
 * every other content problem, so this stores the good ones only. Few files:
 * read and stored whole every build. The picture field and the body's
 * pictures are handed to Astro as image() fields, as an article's are.
 */
export function entryLoader<D extends Record<string, unknown>>(name: string, pictureField: string, read: (root: string) => Promise<EntryFiles<D>>): Loader {
  return {
    name,
    load: async ({ store, config, parseData, generateDigest }) => {
      const { entries } = await read(fileURLToPath(config.root));
      store.clear();
      for (const { slug, filePath, data, body, rendered, picture, pictures } of entries) {
        const { headings, charCount, lead } = rendered;
        store.set({
          id: slug,
          data: await parseData({ id: slug, filePath, data: { ...data, [pictureField]: picture?.relative, pictures: pictures.map((p) => p.relative) } }),
          body,
          filePath,
          digest: generateDigest(body + JSON.stringify(data)),
          rendered: { html: '', metadata: { headings, charCount, lead } },
        });
      }
    },
  };
}
