import type { APIRoute } from 'astro';
import { listArticles, ownScript } from '../../lib/content/collection.ts';
import { toHant } from '../../lib/render/hant.ts';
import { hantVariantTable } from '../../lib/search/variant-table.ts';
import { variantGroups } from './_variant-groups.ts';

/** variants.json as the zh-Hant pages spell it: their search looks in the traditional index (軟體 and 軟件, 雪梨 and 悉尼). */
export const GET: APIRoute = async () => {
  const written = (await listArticles()).filter((article) => ownScript(article) === 'zh-Hant');
  const hantWritten = written.map((article) => `${article.data.title}\n${article.body ?? ''}`).join('\n');
  return new Response(JSON.stringify(hantVariantTable(await variantGroups(), toHant, hantWritten)), { headers: { 'content-type': 'application/json' } });
};
