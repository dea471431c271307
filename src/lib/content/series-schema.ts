import { z } from 'astro/zod';
import { day, pictureNeedsAlt, text } from './article-schema.ts';
import { readEntryFiles, type EntryFiles } from './entry-files.ts';

/**
 * The fields of a series (专题) file, content/series/<slug>.md; its body is
 * the editors' introduction. Optional fields stay absent when not given.
 */
export const seriesFields = {
  title: text(),
  /** One or two sentences for listings and link previews. */
  description: text(),
  /** A picture beside the file, as for articles; checked by render/pictures.ts. */
  cover: text().optional(),
  cover_alt: text().optional(),
  /** When the series was opened, if the editors say so; otherwise its parts date it. */
  date: day().optional(),
};

export const seriesSchema = z.strictObject(seriesFields).superRefine((data, ctx) => pictureNeedsAlt(data, 'cover', ctx));

export type SeriesData = z.infer<typeof seriesSchema>;

let read: Promise<EntryFiles<SeriesData>> | undefined;

/** content/series/*.md, read and checked once per build (entry-files.ts). */
export function readSeriesFiles(root: string): Promise<EntryFiles<SeriesData>> {
  read ??= readEntryFiles(root, { folder: 'series', example: 'after-the-typhoon', schema: seriesSchema, pictureField: 'cover' });
  return read;
}
