import path from 'node:path';
import { z } from 'astro/zod';
import { readJsonFile } from './read-json.ts';
import { contentDir } from './sections.ts';

/** Who publishes the site: shown in titles, feeds and the NewsArticle publisher. */
const siteSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  description: z.string().trim().min(1, 'must not be empty'),
  publisher: z.string().trim().min(1, 'must not be empty'),
  /** Bylines that name a newsroom or agency (新华社), not a person: Organization in JSON-LD. */
  organizations: z.array(z.string().trim().min(1, 'must not be empty')).optional(),
  /** Every feed carries each article in full (content:encoded) unless full_text is false: then summaries only. */
  feeds: z.strictObject({ full_text: z.boolean().optional() }).optional(),
});

export type SiteConfig = z.infer<typeof siteSchema>;

let cached: SiteConfig | undefined;

/** content/site.json, read and checked once per build. */
export function readSite(): SiteConfig {
  cached ??= readJsonFile(path.join(contentDir, 'site.json'), siteSchema);
  return cached;
}
