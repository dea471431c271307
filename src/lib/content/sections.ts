import path from 'node:path';
import { z } from 'astro/zod';
import { SLUG_PATTERN } from './article-file.ts';
import { ContentError } from './content-error.ts';
import { readJsonFile } from './read-json.ts';

/** The newsroom's sections, in navigation order. `slug` is the ASCII URL segment. */
const sectionsSchema = z
  .array(
    z.strictObject({
      slug: z.string().regex(SLUG_PATTERN, 'expected an ASCII slug like "us-stocks"'),
      name: z.string().trim().min(1, 'must not be empty'),
    }),
  )
  .min(1, 'must list at least one section');

export type Section = z.infer<typeof sectionsSchema>[number];

/** Where content lives; YUEDU_CONTENT_DIR points a build at another folder (tests do). */
export const contentDir = path.resolve(process.env['YUEDU_CONTENT_DIR'] ?? 'content');

const cache = new Map<string, Section[]>();

/** The sections list, read and checked once per build (every page's navigation needs it). */
export function readSections(dir: string = contentDir): Section[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const file = path.join(dir, 'sections.json');
  const sections = readJsonFile(file, sectionsSchema);
  const label = path.relative(process.cwd(), file);
  const seen = new Set<string>();
  const duplicates = sections.flatMap((s) => [s.slug, s.name]).filter((key) => seen.size === seen.add(key).size);
  if (duplicates.length) throw new ContentError(duplicates.map((key) => `${label}: "${key}" is listed twice`));
  cache.set(dir, sections);
  return sections;
}
