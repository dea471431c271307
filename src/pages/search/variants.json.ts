import type { APIRoute } from 'astro';
import { variantGroups } from './_variant-groups.ts';

/** Fetched when a search box gains focus: every Chinese query is also searched in its other regions' words (軟體, 软件; 雪梨, 悉尼). */
export const GET: APIRoute = async () => new Response(JSON.stringify(await variantGroups()), { headers: { 'content-type': 'application/json' } });
