/**
 * A link to one sentence of an article: the section's anchor, then a text
 * fragment (`#section:~:text=start,end`) that browsers supporting it scroll to
 * and highlight; others land on the section. Text fragments match whole words
 * only, so the quote is cut at the word boundaries Intl.Segmenter finds, and
 * given the words before and after it when it is not unique.
 */

const MAX_WHOLE = 40; // characters quoted whole; longer quotes are sent as start,end
const EDGE = 10; // characters of each edge when quoting start,end, at least
const CONTEXT = 6; // characters of prefix or suffix, at least

// Text fragment syntax: "-", "," and "&" mean something, so they are escaped too.
const encode = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

function boundaries(text: string, lang: string): number[] {
  const points = new Set([0, text.length]);
  for (const segment of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    points.add(segment.index);
    points.add(segment.index + segment.segment.length);
  }
  return [...points].sort((a, b) => a - b);
}

/** Words of `text` from `from` on (or back from it) until at least `min` characters. */
function wordsFrom(text: string, points: number[], from: number, min: number, backwards: boolean): string {
  if (backwards) {
    const start = [...points].reverse().find((p) => p <= from - min) ?? 0;
    return text.slice(start, from);
  }
  const end = points.find((p) => p >= from + min) ?? text.length;
  return text.slice(from, end);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text directive for the characters start..end of `block` (one paragraph,
 * item or caption), or '' when they hold no whole word. `whole` is the
 * article's text, to tell whether the quote is unique.
 */
export function textDirective(block: string, start: number, end: number, whole: string, lang = 'zh-CN'): string {
  const points = boundaries(block, lang);
  const s = points.find((p) => p >= start) ?? block.length;
  const e = [...points].reverse().find((p) => p <= end) ?? 0;
  const quote = squash(block.slice(s, e));
  if (!quote || !/[\p{L}\p{N}]/u.test(quote)) return '';
  let directive: string;
  if ([...quote].length <= MAX_WHOLE) directive = encode(quote);
  else {
    const startWords = squash(wordsFrom(block, points, s, EDGE, false));
    const endWords = squash(wordsFrom(block, points, e, EDGE, true));
    directive = `${encode(startWords)},${encode(endWords)}`;
  }
  const occurrences = whole.split(quote).length - 1;
  if (occurrences > 1) {
    const prefix = squash(wordsFrom(block, points, s, CONTEXT, true));
    const suffix = squash(wordsFrom(block, points, e, CONTEXT, false));
    if (prefix) directive = `${encode(prefix)}-,${directive}`;
    if (suffix) directive = `${directive},-${encode(suffix)}`;
  }
  return `text=${directive}`;
}

/** The whole link: this page, the section's anchor, the text directive. */
export function sentenceUrl(pageUrl: string, sectionId: string, directive: string): string {
  return `${pageUrl.split('#')[0]}#${encodeURIComponent(sectionId)}:~:${directive}`;
}
