/**
 * Heading text -> fragment id that stays readable in the address bar:
 * Han characters are kept as they are (not percent-encoded), Latin is
 * lowercased, whitespace becomes "-", punctuation is dropped.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'section';
}
