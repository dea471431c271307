import type { z } from 'astro/zod';

/** One or more problems in content files; each line names the file and the field. */
export class ContentError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    const count = problems.length === 1 ? '1 content problem' : `${problems.length} content problems`;
    super(`${count}; fix these and build again:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // An editor needs file, field and fix; Astro prints a stack's frames as "Location: …/articles-loader.ts"
    // and "Stack trace:" under them, which point into our code, not the content.
    this.stack = '';
  }
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `file: "field": problem`, one line per zod issue, in the words an editor would use. */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${file}: "${key}": unknown field`);
    }
    const field = issue.path.map(String).join('.') || '(frontmatter)';
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
    return [`${file}: "${field}": ${missing ? 'required' : issue.message}`];
  });
}
