import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { ContentError } from './content-error.ts';
import { readJsonFile } from './read-json.ts';
import { contentDir } from './sections.ts';

/**
 * content/search-aliases.json: groups of words that name the same thing in
 * different places (悉尼 / 雪梨, 特朗普 / 川普), which OpenCC's regional
 * tables do not map. Search treats the words of a group as one. Optional.
 */
const aliasesSchema = z.array(z.array(z.string().trim().min(1, 'must not be empty')).min(2, 'a group needs at least two words'));

/** The editors' alias groups, checked: no empty group, no word twice, no word in two groups. */
export function readSearchAliases(dir: string = contentDir): string[][] {
  const file = path.join(dir, 'search-aliases.json');
  if (!existsSync(file)) return [];
  const groups = readJsonFile(file, aliasesSchema);
  const label = path.relative(process.cwd(), file);
  const problems: string[] = [];
  const home = new Map<string, number>();
  groups.forEach((group, i) => {
    const seen = new Set<string>();
    group.forEach((word, j) => {
      if (seen.has(word)) problems.push(`${label}: [${i}][${j}]: "${word}" is in this group twice`);
      else if (home.has(word)) problems.push(`${label}: [${i}][${j}]: "${word}" is already in group [${home.get(word)}]; a word belongs to one group`);
      seen.add(word);
      if (!home.has(word)) home.set(word, i);
    });
  });
  if (problems.length) throw new ContentError(problems);
  return groups;
}
