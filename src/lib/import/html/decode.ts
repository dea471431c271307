import { ScrapeError } from '../parse-scrape.ts';

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset a page declares: <meta charset=…> or <meta http-equiv="Content-Type" content="…; charset=…">. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * Page bytes -> text, the bytes deciding: valid UTF-8 is UTF-8 whatever the
 * page declares (a browser that saves a page re-encodes it and often keeps a
 * stale <meta charset=gb2312>); otherwise the declared charset, then
 * GB18030. Node's WHATWG TextDecoder knows GBK, GB18030 and Big5. A page
 * that decodes to replacement characters is refused: mojibake is never written.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const declared = declaredCharset(bytes);
  const candidates = [declared, 'gb18030'].filter((label): label is string => !!label && label !== 'utf-8' && label !== 'utf8');
  for (const label of candidates) {
    // strict() also answers undefined for a label TextDecoder does not know.
    const text = strict(label, bytes);
    if (text !== undefined) return { text, encoding: label };
  }
  throw new ScrapeError(
    `cannot decode the page without replacement characters (${declared ? `declares ${declared}, ` : ''}tried ${candidates.join(', ') || 'utf-8'}); save it again as UTF-8`,
  );
}
