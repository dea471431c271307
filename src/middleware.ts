import { defineMiddleware } from 'astro:middleware';
import { lowPriorityScripts } from './lib/publish/script-priority.ts';

/** Runs once per page at build time: the rendered HTML gets its scripts at low fetch priority. */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(lowPriorityScripts(await response.text()), response);
});
