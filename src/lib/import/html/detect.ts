import { ScrapeError } from '../parse-scrape.ts';
import { looksLikeMhtml } from './mhtml.ts';

export type InputKind = 'html' | 'mhtml' | 'scrape';

// The start of a saved web page: a doctype, <html> or <head>, after a BOM, blank space or comments.
const HTML_START = /^(?:\uFEFF|\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i;
// C0 controls other than tab, LF, CR: never in text, always in binary.
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

/**
 * What a file holds, judged by its bytes and never by its name: a web page,
 * an MHTML save, a text scrape (an indented body under a title), or something refused with
 * a word on what was expected.
 */
export function detectKind(bytes: Uint8Array): InputKind {
  if (bytes.length === 0) throw new ScrapeError('file is empty; expected a saved web page (.html) or a text scrape');
  // Markup is ASCII, so the first kilobytes read as Latin-1 show it whatever the page's encoding.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(bom, bom + 4096));
  if (HTML_START.test(head)) return 'html';
  if (looksLikeMhtml(head)) return 'mhtml';
  if (/^(?:\uFEFF|\s)*<[a-z!?]/i.test(head)) {
    throw new ScrapeError('an HTML fragment, not a whole page: expected a saved page starting with <!doctype html>, <html> or <head>, or a text scrape');
  }
  if (BINARY.test(head)) throw new ScrapeError('not text: binary data; expected a saved web page (.html) or a text scrape (UTF-8 or GB18030 text)');
  return 'scrape';
}
