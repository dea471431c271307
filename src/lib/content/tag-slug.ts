import { createHash } from 'node:crypto';

/** Characters of a tag's address: UTF-8 file names stay well under the 255-byte limit of common file systems. */
const MAX_CHARS = 40;

const shortHash = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 8);

/**
 * A tag's URL segment, from its name alone: the name itself, lower-cased,
 * with every run of characters that are not letters or digits made one
 * hyphen (/tags/示例/, /tags/iphone-15/). It never depends on which other
 * tags exist, so adding or removing a tag moves no other tag's address, and
 * homophones (示例/事例, 公式/公示) are distinct by construction, where
 * toneless pinyin made them twins numbered by sort order. Hrefs carry it
 * percent-encoded (urls.ts); the file on disk has the UTF-8 name.
 */
export function tagSlug(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!cleaned) return `tag-${shortHash(name)}`;
  const chars = [...cleaned];
  if (chars.length <= MAX_CHARS) return cleaned;
  return `${chars.slice(0, MAX_CHARS - 9).join('').replace(/-+$/, '')}-${shortHash(name)}`;
}
