import { defineCollection } from 'astro:content';
import { articleSchema } from './lib/article-schema.ts';
import { articlesLoader } from './lib/articles-loader.ts';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
};
