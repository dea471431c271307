import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { frontmatterFields } from './lib/content/article-schema.ts';
import { articlesLoader } from './lib/content/articles-loader.ts';
import { seriesFields } from './lib/content/series-schema.ts';
import { seriesLoader } from './lib/content/series-loader.ts';

/**
 * The stored entries: the checked frontmatter (article-schema.ts,
 * series-schema.ts), with covers and the body's pictures as image() fields so
 * astro:assets encodes them. The loaders have already checked every field and
 * picture; this only shapes the data and gives pages its types.
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
  series: defineCollection({
    loader: seriesLoader(),
    schema: ({ image }) => z.object({ ...seriesFields, cover: image().optional(), pictures: z.array(image()) }),
  }),
};
