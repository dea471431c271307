/**
 * Raw scraped news page -> title, section and body blocks. Pure: no I/O.
 *
 * The rules, all by structure rather than by the strings of one site:
 * 1. A UTF-8 BOM is dropped and CRLF / CR line ends become LF.
 * 2. The body starts at the first indented line (ASCII spaces, tab or U+3000).
 *    Everything above it is the header.
 * 3. In the header, lines of only digits and spaces are junk (poster id, view
 *    and reply counters). Of the remaining lines the last is the title; any
 *    line before it is the breadcrumb.
 * 4. The breadcrumb runs home -> section -> the page itself. It is split into
 *    items at ">", "»", "›", "/", "|" or spaces; with three or more items the
 *    first (home) and the last (正文, 본문: the page) are dropped. The section is
 *    the last remaining item written only in Han characters (the site's own
 *    words in another script, such as Korean, are navigation).
 * 5. The body ends at the first unindented line that does not stand as a
 *    heading between two paragraphs: that is where the forum footer (login
 *    prompt, rules, poster card) begins. It and everything after it is dropped.
 * 6. A body line is a section heading when it is short (at most 30 characters),
 *    does not end in sentence-ending punctuation, and is followed by a
 *    paragraph. Every other body line is a paragraph, kept whole and in order.
 * 7. Each kept line is tidied (see typography.ts): edge spaces trimmed, half-width
 *    punctuation inside Chinese prose widened. No other wording changes.
 */
import { tidyLine } from './typography.ts';

export type Block = { kind: 'heading' | 'paragraph'; text: string };

export interface ParsedScrape {
  title: string;
  section: string | undefined;
  blocks: Block[];
}

export class ScrapeError extends Error {}

const INDENTED = /^[ \t\u3000]+\S/u;
const JUNK_NUMBERS = /^[\d\s]+$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const SENTENCE_END = /[。！？!?…；;：:，,、]$/u;
const MAX_HEADING_CHARS = 30;

function looksLikeHeading(text: string): boolean {
  return [...text].length <= MAX_HEADING_CHARS && !SENTENCE_END.test(text);
}

function sectionFromBreadcrumb(line: string | undefined): string | undefined {
  const items = (line ?? '').split(/[>»›/|＞\s]+/u).filter(Boolean);
  const inner = items.length >= 3 ? items.slice(1, -1) : items;
  return inner.filter((item) => HAN_ONLY.test(item)).at(-1);
}

/** Lines of the body: from the first indented line up to the footer. */
function bodyLines(lines: string[], start: number): string[] {
  const body: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    if (!INDENTED.test(line)) {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      const standsAsHeading = looksLikeHeading(tidyLine(line)) && next !== undefined && INDENTED.test(next);
      if (!standsAsHeading || body.length === 0) break;
    }
    body.push(tidyLine(line));
  }
  return body.filter((text) => text !== '');
}

export function parseScrape(raw: string): ParsedScrape {
  const lines = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
  const start = lines.findIndex((line) => INDENTED.test(line));
  const header = (start === -1 ? lines : lines.slice(0, start))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !JUNK_NUMBERS.test(line));
  const title = header.at(-1);
  if (title === undefined || !/\p{L}/u.test(title)) throw new ScrapeError('no recognisable title above the body');
  if (start === -1) throw new ScrapeError('no body paragraphs (no indented lines below the title)');

  const texts = bodyLines(lines, start);
  const blocks: Block[] = texts.map((text, i) => {
    const next = texts[i + 1];
    const heading = next !== undefined && looksLikeHeading(text) && !looksLikeHeading(next);
    return { kind: heading ? 'heading' : 'paragraph', text };
  });
  if (!blocks.some((block) => block.kind === 'paragraph')) throw new ScrapeError('no body paragraphs');
  return { title: tidyLine(title), section: sectionFromBreadcrumb(header.length > 1 ? header[0] : undefined), blocks };
}
