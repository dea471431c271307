import matter from 'gray-matter';

export type Frontmatter = { ok: true; data: Record<string, unknown>; body: string } | { ok: false; problems: string[] };

/**
 * A content file's bytes -> its YAML frontmatter and Markdown body, or why
 * not. `label` is the root-relative path used in messages.
 */
export function readFrontmatter(bytes: Uint8Array, label: string): Frontmatter {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problems: [`${label}: not valid UTF-8; save the file as UTF-8`] };
  }
  try {
    // The second argument turns off gray-matter's cache, which would hand back shared objects.
    const parsed = matter(text, {});
    return { ok: true, data: parsed.data, body: parsed.content };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`${label}: frontmatter is not valid YAML: ${reason}`] };
  }
}
