import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { ContentError, describeIssues } from './content-error.ts';

/** The newsroom's sections, in navigation order. `slug` is the ASCII URL segment. */
const sectionsSchema = z
  .array(
    z.strictObject({
      slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an ASCII slug like "us-stocks"'),
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
  const label = path.relative(process.cwd(), file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError([`${label}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const result = sectionsSchema.safeParse(data);
  if (!result.success) throw new ContentError(describeIssues(label, result.error.issues, data));
  const seen = new Set<string>();
  const duplicates = result.data.flatMap((s) => [s.slug, s.name]).filter((key) => seen.size === seen.add(key).size);
  if (duplicates.length) throw new ContentError(duplicates.map((key) => `${label}: "${key}" is listed twice`));
  cache.set(dir, result.data);
  return result.data;
}
