import { ScrapeError } from './parse-scrape.ts';

// C0 controls other than tab, LF, CR, and DEL: never in a text scrape, always in binary.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
// Readable text is mostly Han, CJK punctuation, Latin, digits and spaces.
const READABLE = /[\p{Script=Han}\p{P}\p{L}\p{N}\s]/gu;

function decodeAs(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Scrape bytes -> text. UTF-8 first (a BOM is dropped); otherwise GB18030, the
 * superset of GBK and GB2312 that Chinese sites still serve, decoded by the
 * WHATWG TextDecoder that Node ships (ICU's tables, not ours). Anything else,
 * or text with control bytes in it, is refused rather than guessed at.
 */
export function decodeScrape(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ScrapeError('file is empty');
  const text = decodeAs('utf-8', bytes) ?? decodeAs('gb18030', bytes);
  if (text === undefined) throw new ScrapeError('not text: neither UTF-8 nor GB18030/GBK');
  const body = text.replace(/^\uFEFF/u, '');
  const readable = body.match(READABLE)?.length ?? 0;
  if (CONTROL.test(body) || readable < [...body].length * 0.95) {
    throw new ScrapeError('not text: binary data (control bytes or unreadable characters)');
  }
  if (body.trim() === '') throw new ScrapeError('file is empty');
  return body;
}
