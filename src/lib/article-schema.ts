import { z } from 'astro/zod';

/**
 * The one list of frontmatter fields. Optional fields stay absent when the
 * source does not state them: we never invent an author or a date.
 */
export const articleSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  section: z.string().trim().min(1, 'must not be empty'),
  author: z.string().trim().min(1, 'must not be empty').optional(),
  // YAML turns an unquoted 2023-10-31 into a Date; either way we keep the plain day.
  date: z
    .union([z.date(), z.string()])
    .transform((value, ctx) => {
      const day = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
        ctx.addIssue({ code: 'custom', message: `expected YYYY-MM-DD, got ${JSON.stringify(day)}` });
        return z.NEVER;
      }
      return day;
    })
    .optional(),
  // The raw scrape the article was imported from, for provenance.
  source: z.string().trim().min(1, 'must not be empty').optional(),
});

export type ArticleData = z.infer<typeof articleSchema>;
