import iconv from 'iconv-lite';
import { ScrapeError } from '../parse-scrape.ts';

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A legacy Chinese encoding, strictly. Node's TextDecoder silently drops some
 * invalid Big5 bytes even when fatal, so iconv-lite decodes (its GBK,
 * GB18030 and Big5 tables) and any byte it cannot map, which it writes as
 * U+FFFD, refuses the encoding.
 */
function legacy(label: string, bytes: Uint8Array): string | undefined {
  if (!iconv.encodingExists(label)) return undefined;
  const text = iconv.decode(Buffer.from(bytes), label);
  return text.includes('\uFFFD') ? undefined : text;
}

/** The charset a page declares: <meta charset=…> or <meta http-equiv="Content-Type" content="…; charset=…">. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * Page bytes -> text. A page fetched from the web is read as browsers read
 * it, by the charset its HTTP header names (many Chinese servers declare GBK
 * or Big5 only there). Otherwise the bytes decide: valid UTF-8 is UTF-8
 * whatever the page declares (a browser that saves a page re-encodes it and
 * often keeps a stale <meta charset=gb2312>); otherwise the declared
 * charset, then GB18030. A page that decodes to replacement characters is
 * refused: mojibake is never written.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string): { text: string; encoding: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (headerCharset && !bom) {
    const text = /^utf-?8$/.test(headerCharset) ? utf8(bytes) : legacy(headerCharset, bytes);
    if (text !== undefined) return { text, encoding: headerCharset };
  }
  const asUtf8 = utf8(bytes);
  if (asUtf8 !== undefined) return { text: asUtf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const declared = declaredCharset(bytes);
  const candidates = [declared, 'gb18030'].filter((label): label is string => !!label && label !== 'utf-8' && label !== 'utf8');
  for (const label of candidates) {
    const text = legacy(label, bytes);
    if (text !== undefined) return { text, encoding: label };
  }
  throw new ScrapeError(
    `cannot decode the page without replacement characters (${declared ? `declares ${declared}, ` : ''}tried ${candidates.join(', ') || 'utf-8'}); save it again as UTF-8`,
  );
}
