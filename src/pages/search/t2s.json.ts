import type { APIRoute } from 'astro';
import { siteText } from '../../lib/content/collection.ts';
import { buildT2sTable } from '../../lib/search/t2s-table.ts';

/** Fetched by search only when a query finds nothing as typed: lets 阿里雲 find 阿里云. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildT2sTable(await siteText())), { headers: { 'content-type': 'application/json' } });
