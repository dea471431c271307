import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ENCLOSURE = /<enclosure url="([^"]+)" length="0" type="([^"]+)"\/>/g;

/**
 * RSS wants each enclosure's size in bytes, but an encoded cover's file is
 * written only after the feed has rendered (Astro encodes pictures last). Once
 * the build is done, each enclosure of dist/rss.xml gets its file's real size
 * (`base`: the site's base path, with its trailing slash).
 */
export async function sizeEnclosures(dir: URL, base: string): Promise<void> {
  const feed = new URL('./rss.xml', dir);
  const xml = await readFile(feed, 'utf8').catch(() => undefined);
  if (!xml) return;
  const sizes = new Map<string, number>();
  for (const [, url = ''] of xml.matchAll(ENCLOSURE)) {
    const file = new URL(`./${new URL(url).pathname.slice(base.length)}`, dir);
    sizes.set(url, (await stat(fileURLToPath(file))).size);
  }
  await writeFile(feed, xml.replace(ENCLOSURE, (_, url: string, type: string) => `<enclosure url="${url}" length="${sizes.get(url)}" type="${type}"/>`));
}
