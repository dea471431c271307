import type { APIRoute } from 'astro';
import { listArticles } from '../../lib/content/collection.ts';
import { buildT2sTable } from '../../lib/search/t2s-table.ts';

/** Fetched by search only when a query finds nothing as typed: lets 阿里雲 find 阿里云. */
export const GET: APIRoute = async () => {
  const articles = await listArticles();
  const text = articles.map((a) => `${a.data.title}\n${a.body ?? ''}`).join('\n');
  return new Response(JSON.stringify(buildT2sTable(text)), { headers: { 'content-type': 'application/json' } });
};
