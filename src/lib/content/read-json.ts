import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { ContentError, describeIssues } from './content-error.ts';

/** A JSON settings file checked against its schema; problems name the file and the field. */
export function readJsonFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const label = path.relative(process.cwd(), file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError([`${label}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new ContentError(describeIssues(label, result.error.issues, data));
  return result.data;
}
