import type { APIRoute } from 'astro';
import { listArticles } from '../../lib/content/collection.ts';
import { readSearchAliases } from '../../lib/content/search-aliases.ts';
import { buildVariantTable } from '../../lib/search/variant-table.ts';

/** Fetched by search only when a query finds nothing as typed or simplified: lets 軟體 find 软件, 雪梨 find 悉尼. */
export const GET: APIRoute = async () => {
  const articles = await listArticles();
  const text = articles.map((a) => `${a.data.title}\n${a.body ?? ''}`).join('\n');
  return new Response(JSON.stringify(buildVariantTable(text, readSearchAliases())), { headers: { 'content-type': 'application/json' } });
};
