import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { frontmatterFields } from './lib/content/article-schema.ts';
import { articlesLoader } from './lib/content/articles-loader.ts';
import { entryLoader } from './lib/content/entry-loader.ts';
import { readSeriesFiles, seriesFields } from './lib/content/series-schema.ts';
import { authorFields, readAuthorFiles } from './lib/content/author-schema.ts';

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
    loader: entryLoader('yuedu-series', 'cover', readSeriesFiles),
    schema: ({ image }) => z.object({ ...seriesFields, cover: image().optional(), pictures: z.array(image()) }),
  }),
  authors: defineCollection({
    loader: entryLoader('yuedu-authors', 'photo', readAuthorFiles),
    schema: ({ image }) => z.object({ ...authorFields, photo: image().optional(), pictures: z.array(image()) }),
  }),
};
