import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { ContentError, describeIssues } from './content-error.ts';
import { contentDir } from './sections.ts';

/** Who publishes the site: shown in titles, feeds and the NewsArticle publisher. */
const siteSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  description: z.string().trim().min(1, 'must not be empty'),
  publisher: z.string().trim().min(1, 'must not be empty'),
});

export type SiteConfig = z.infer<typeof siteSchema>;

let cached: SiteConfig | undefined;

export function readSite(): SiteConfig {
  if (cached) return cached;
  const file = path.join(contentDir, 'site.json');
  const label = path.relative(process.cwd(), file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError([`${label}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const result = siteSchema.safeParse(data);
  if (!result.success) throw new ContentError(describeIssues(label, result.error.issues, data));
  cached = result.data;
  return cached;
}
