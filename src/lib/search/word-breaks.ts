/**
 * Marks the word boundaries of Chinese text for the indexer: a zero-width
 * space (U+200B) between two words that are both Han, as the browser's
 * Intl.Segmenter cuts them.
 *
 * Why: Pagefind segments Chinese with its own dictionary at build time but
 * the query with Intl.Segmenter in the browser, so the two can disagree
 * (Pagefind issue #1237), and its segmenter holds about 0.8 MB per page until
 * the run ends. Given words already cut, Pagefind keeps them (it splits at
 * U+200B), indexes with the segmentation queries use, and needs half the
 * memory and time. Readers never see these marks: only the copy of a page
 * handed to Pagefind has them, and Pagefind's own page text already keeps
 * U+200B between words (which search excerpts rely on).
 *
 * Only text after the data-pagefind-body tag is marked, and never inside
 * headings, whose text becomes result titles and section names, nor the
 * text of an element that is a filter (an author's name, a series' title),
 * whose text is the value search filters by, as the search page names it.
 */
const BREAK = '\u200b';
/** Elements whose text stays as it is: headings, and scripts (JSON-LD) that are not page text anyway. */
const UNMARKED = /^<(\/?)(?:h[1-6]|script|style)[\s>]/i;
/** An element whose own text is a filter's value: a link or span holding a name (Bylines, the series line). */
const FILTER = /^<[a-z][^>]*\sdata-pagefind-filter="[a-z]+"[^>]*>$/i;
const ENTITY = /(&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);)/i;
const HAN = /\p{Script=Han}/u;

function markRun(text: string, segmenter: Intl.Segmenter): string {
  let out = '';
  let previousHan = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    // Only word-like segments can be Han words, and the first character tells: Intl.Segmenter
    // keeps Han apart from Latin letters and digits (3|月, AI|模型, iPhone15|发布).
    const han = isWordLike === true && HAN.test(String.fromCodePoint(segment.codePointAt(0) ?? 0));
    if (han && previousHan) out += BREAK;
    out += segment;
    previousHan = han;
  }
  return out;
}

/** Entities are kept whole: only the text between them is segmented. */
function markText(text: string, segmenter: Intl.Segmenter): string {
  if (!HAN.test(text)) return text;
  return text
    .split(ENTITY)
    .map((part, i) => (i % 2 === 1 ? part : markRun(part, segmenter)))
    .join('');
}

const segmenters = new Map<string, Intl.Segmenter>();

export function markWordBreaks(html: string, locale: string): string {
  const start = html.indexOf('data-pagefind-body');
  if (start < 0) return html;
  const bodyStart = html.indexOf('>', start) + 1;
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  let unmarked = 0;
  // Our own generated HTML: tags never hold a bare ">" in text (markdown-it escapes it), so
  // splitting at tags is exact. Odd parts are tags, even parts the text between them.
  const parts = html.slice(bodyStart).split(/(<[^>]*>)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      const element = UNMARKED.exec(part);
      if (element) unmarked = Math.max(0, unmarked + (element[1] ? -1 : 1));
      // The filter's value is the text right after its tag: skip it.
      else if (FILTER.test(part)) i++;
    } else if (unmarked === 0 && part) {
      parts[i] = markText(part, segmenter);
    }
  }
  return html.slice(0, bodyStart) + parts.join('');
}
