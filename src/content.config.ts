import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { frontmatterFields } from './lib/content/article-schema.ts';
import { articlesLoader } from './lib/content/articles-loader.ts';

/**
 * The stored entry: the checked frontmatter (article-schema.ts), with the
 * cover and the body's pictures as image() fields so astro:assets encodes
 * them. The loader has already checked every field and picture; this only
 * shapes the data and gives pages its types.
 */
export const collections = {
  articles: defineCollection({
    loader: articlesLoader(),
    schema: ({ image }) =>
      z.object({
        ...frontmatterFields,
        cover: image().optional(),
        // The body's pictures in document order (markdown/pictures.ts hands them out in that order).
        pictures: z.array(image()),
      }),
  }),
};
