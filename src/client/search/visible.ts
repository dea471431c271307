// Zero-width spaces and joiners, the word joiner, BOM and soft hyphen. The index is built from
// copies with U+200B between words (src/lib/search/word-breaks.ts); none of it may reach what a
// reader sees, copies or hears from a screen reader.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/** Text from the index as a reader may see it. */
export const visible = (text: string): string => text.replace(INVISIBLE, '');
