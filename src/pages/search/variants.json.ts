import type { APIRoute } from 'astro';
import { siteText } from '../../lib/content/collection.ts';
import { readSearchAliases } from '../../lib/content/search-aliases.ts';
import { buildVariantTable } from '../../lib/search/variant-table.ts';

/** Fetched when a search box gains focus: every Chinese query is also searched in its other regions' words (軟體, 软件; 雪梨, 悉尼). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildVariantTable(await siteText(), readSearchAliases())), { headers: { 'content-type': 'application/json' } });
