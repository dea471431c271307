import type { APIRoute } from 'astro';
import { toHant } from '../../lib/render/hant.ts';
import { UI_TEXT } from '../../client/search/ui-text.ts';

/** The search interface's words in traditional characters, for the header panel on zh-Hant pages. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(Object.fromEntries(Object.entries(UI_TEXT).map(([key, text]) => [key, toHant(text)]))), {
    headers: { 'content-type': 'application/json' },
  });
