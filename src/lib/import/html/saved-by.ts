/** What a saved page says about its own saving: the tool, the page's address, and when (never the article's date). */
export interface SavedBy {
  tool: 'Chrome' | 'SingleFile' | 'MHTML';
  url: string | undefined;
  savedAt: string | undefined;
}

const http = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * The comment a browser or extension leaves at the top of a saved page.
 * Chrome, Edge and IE write `<!-- saved from url=(0071)https://… -->` (the
 * number is the address's length; a local file says about:internet, which
 * is no address); SingleFile writes "Page saved with SingleFile", then
 * `url:` and `saved date:` lines, right after `<html>`.
 */
export function savedBy(html: string): SavedBy | undefined {
  const head = html.slice(0, 16_384);
  const chrome = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head);
  if (chrome) return { tool: 'Chrome', url: http(chrome[1]), savedAt: undefined };
  const singleFile = /<!--\s*Page saved with SingleFile\s*\n([\s\S]*?)-->/.exec(head);
  if (!singleFile) return undefined;
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(.+?)\\s*$`, 'm').exec(singleFile[1] ?? '')?.[1];
  return { tool: 'SingleFile', url: http(field('url')), savedAt: field('saved date') };
}
