import { z } from 'astro/zod';
import { pictureNeedsAlt, text } from './article-schema.ts';
import { readEntryFiles, type EntryFiles } from './entry-files.ts';

/**
 * The fields of an author file, content/authors/<slug>.md; its body is the
 * bio. Optional fields stay absent when not given: we never invent a title.
 */
export const authorFields = {
  name: text(),
  /** 职务, e.g. 资深记者. */
  title: text().optional(),
  /** A picture beside the file; checked by render/pictures.ts. */
  photo: text().optional(),
  photo_alt: text().optional(),
  /** Elsewhere on the web: shown as links with rel="me". */
  links: z.array(z.strictObject({ label: text(), url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }) })).optional(),
};

export const authorSchema = z.strictObject(authorFields).superRefine((data, ctx) => pictureNeedsAlt(data, 'photo', ctx));

export type AuthorData = z.infer<typeof authorSchema>;

let read: Promise<EntryFiles<AuthorData>> | undefined;

/** content/authors/*.md, read and checked once per build (entry-files.ts). */
export function readAuthorFiles(root: string): Promise<EntryFiles<AuthorData>> {
  read ??= readEntryFiles(root, { folder: 'authors', example: 'zhang-san', schema: authorSchema, pictureField: 'photo' });
  return read;
}
