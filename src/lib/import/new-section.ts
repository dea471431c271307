import type { Section } from '../content/sections.ts';
import { slugFromTitle } from '../content/slug.ts';

/**
 * The section an import files under: one the site has, or a new one with a
 * pinyin slug (港股新闻 -> gang-gu-xinwen), numbered if that slug is taken.
 * `undefined` when it is new and new sections are not allowed.
 */
export function settleSection(name: string, sections: readonly Section[], allowNew: boolean): { section: Section; added: boolean } | undefined {
  const known = sections.find((s) => s.name === name);
  if (known) return { section: known, added: false };
  if (!allowNew) return undefined;
  const base = slugFromTitle(name).replace(/^article$/, 'section');
  let slug = base;
  for (let n = 2; sections.some((s) => s.slug === slug); n++) slug = `${base}-${n}`;
  return { section: { slug, name }, added: true };
}
