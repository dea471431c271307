import { z } from 'astro/zod';

export const text = () => z.string().trim().min(1, 'must not be empty');

// YAML turns an unquoted 2023-10-31 into a Date; either way we keep the plain day.
export const day = () =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    const plain = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(plain) || Number.isNaN(Date.parse(plain))) {
      ctx.addIssue({ code: 'custom', message: `expected YYYY-MM-DD, got ${JSON.stringify(plain)}` });
      return z.NEVER;
    }
    return plain;
  });

/**
 * The one list of frontmatter fields. Optional fields stay absent when the
 * source does not state them: we never invent an author or a date.
 */
export const frontmatterFields = {
  title: text(),
  section: text(),
  /** One byline with no page; `authors` is the full form. */
  author: text().optional(),
  /**
   * The people and organisations credited, in order: an author file's name
   * (zhang-san), a name with no file ("蓝鲸财经"), or either with a role.
   */
  authors: z
    .array(z.union([text(), z.strictObject({ name: text(), role: text().max(20, 'a role is at most 20 characters, like 记者 or 特约撰稿人').optional() })]))
    .min(1, 'list at least one name, or leave the field out')
    .optional(),
  date: day().optional(),
  /** The day the article was last changed, when the source says so. */
  updated: day().optional(),
  /** A summary for listings, feeds and search engines; the lead paragraph when absent. */
  description: text().optional(),
  /** A picture beside the Markdown file, shown under the title and in listings; checked by pictures.ts. */
  cover: text().optional(),
  cover_alt: text().optional(),
  /** The original article on the web, and who published it first. */
  source_url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  publisher: text().optional(),
  tags: z.array(text()).optional(),
  /** The series (专题) the article is part of: the name of a file in content/series/ without .md. */
  series: text().optional(),
  /** Its place in the series (1, 2, 3…); without it, parts follow one another by date. */
  series_part: z.number({ error: 'expected a whole number like 2' }).int('expected a whole number like 2').positive('expected 1 or more').optional(),
  /** Articles (by file name) to offer first under 相关阅读; the rest are chosen by what articles share. */
  related: z.array(text()).optional(),
  /** 编者按: the editors' note shown in its own block above the body (one paragraph, inline Markdown). */
  editor_note: text().optional(),
  /** 更正: each correction with its day, oldest first as written; the article's text is corrected in place. */
  corrections: z.array(z.strictObject({ date: day(), text: text() })).min(1, 'list at least one correction, or leave the field out').optional(),
  /** zh-Hant for an article written in traditional characters: shown as written, with a simplified twin. */
  lang: z.enum(['zh-CN', 'zh-Hant'], { error: 'expected "zh-CN" or "zh-Hant"' }).optional(),
  // The raw scrape the article was imported from, for provenance.
  source: text().optional(),
};

/**
 * A picture named in frontmatter (an article's or a series' cover, an author's
 * photo) is one readers see; screen readers need its words too: `<field>_alt`.
 */
export function pictureNeedsAlt(data: Record<string, unknown>, field: string, ctx: z.RefinementCtx) {
  if (data[field] !== undefined && data[`${field}_alt`] === undefined) {
    ctx.addIssue({ code: 'custom', path: [`${field}_alt`], message: `required when "${field}" is given: describe the picture` });
  }
}

export const articleSchema = z.strictObject(frontmatterFields).superRefine((data, ctx) => {
  pictureNeedsAlt(data, 'cover', ctx);
  for (const [i, correction] of (data.corrections ?? []).entries()) {
    if (data.date !== undefined && correction.date < data.date) {
      ctx.addIssue({ code: 'custom', path: ['corrections', i, 'date'], message: `${correction.date} is before the article's date ${data.date}` });
    }
  }
  if (data.author !== undefined && data.authors !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['authors'], message: 'given with "author": keep one; "authors" can hold that name too' });
  }
});

export type ArticleData = z.infer<typeof articleSchema>;

/** The latest of some days (YYYY-MM-DD compares as text). */
const latest = (days: readonly (string | undefined)[]): string | undefined =>
  days.reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined);

/** The newest correction's day, if the article has been corrected. */
export const correctedOn = (data: Pick<ArticleData, 'corrections'>): string | undefined => latest((data.corrections ?? []).map((c) => c.date));

/** The day an article last changed: its `updated`, or its newest correction when that is later. */
export const lastModified = (data: Pick<ArticleData, 'updated' | 'corrections'>): string | undefined => latest([data.updated, correctedOn(data)]);
